"""N-body: a planetary system integrated with plain float arithmetic.

The Sun and four gas giants are advanced with a symplectic Euler step.
Checksum: the system energy before and after, rounded.
"""

import harness

DEFAULT_SIZE = 110000
QUICK_SIZE = 11000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    """A point mass with position and velocity."""

    def __init__(self, pos, vel, mass):
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = (v * DAYS_PER_YEAR for v in vel)
        self.mass = mass * SOLAR_MASS


def make_system():
    """Return the five bodies, with the Sun's momentum offset."""
    bodies = [
        Body((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body((4.84143144246472090e+00, -1.16032004402742839e+00,
              -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03,
              -6.90460016972063023e-05), 9.54791938424326609e-04),
        Body((8.34336671824457987e+00, 4.12479856412430479e+00,
              -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03,
              2.30417297573763929e-05), 2.85885980666130812e-04),
        Body((1.28943695621391310e+01, -1.51111514016986312e+01,
              -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03,
              -2.96589568540237556e-05), 4.36624404335156298e-05),
        Body((1.53796971148509165e+01, -2.59193146099879641e+01,
              1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03,
              -9.51592254519715870e-05), 5.15138902046611451e-05),
    ]
    px = sum(b.vx * b.mass for b in bodies)
    py = sum(b.vy * b.mass for b in bodies)
    pz = sum(b.vz * b.mass for b in bodies)
    sun = bodies[0]
    sun.vx, sun.vy, sun.vz = (-px / SOLAR_MASS, -py / SOLAR_MASS,
                              -pz / SOLAR_MASS)
    return bodies


def pairs_of(bodies):
    return [(bodies[i], bodies[j])
            for i in range(len(bodies)) for j in range(i + 1, len(bodies))]


def advance(bodies, pairs, dt, steps):
    """Advance the system by ``steps`` steps of ``dt``."""
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * dist2 ** 0.5)
            m1 = b1.mass * mag
            m2 = b2.mass * mag
            b1.vx -= dx * m2
            b1.vy -= dy * m2
            b1.vz -= dz * m2
            b2.vx += dx * m1
            b2.vy += dy * m1
            b2.vz += dz * m1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for b1, b2 in pairs:
        dx = b1.x - b2.x
        dy = b1.y - b2.y
        dz = b1.z - b2.z
        e -= b1.mass * b2.mass / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def run(size):
    bodies = make_system()
    pairs = pairs_of(bodies)
    before = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, size)
    after = energy(bodies, pairs)
    return "%.9f %.9f" % (before, after)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
