"""Particles: an object-oriented physics simulation with rich Python objects.

A 2-D vector class with operator overloading, particles as dataclasses
with properties, spring constraints between particles, walls that bounce,
and a spatial grid (dict of lists) for neighbour collision checks.
Checksum: rounded kinetic energy, centre of mass and collision count.
"""

from dataclasses import dataclass, field

import harness

DEFAULT_SIZE = 350
QUICK_SIZE = 35

CELL = 2.0
WORLD = 40.0


class V2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V2(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V2(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V2(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V2(-self.x, -self.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    @property
    def length2(self):
        return self.x * self.x + self.y * self.y


@dataclass
class Particle:
    pos: V2
    vel: V2
    mass: float = 1.0
    force: V2 = field(default_factory=lambda: V2(0.0, 0.0))

    @property
    def kinetic(self):
        return 0.5 * self.mass * self.vel.length2

    def apply(self, f):
        self.force = self.force + f

    def integrate(self, dt):
        self.vel = self.vel + self.force * (dt / self.mass)
        self.pos = self.pos + self.vel * dt
        self.force = V2(0.0, -0.5 * self.mass)


@dataclass
class Spring:
    a: Particle
    b: Particle
    rest: float
    k: float = 4.0

    def act(self):
        delta = self.b.pos - self.a.pos
        length = delta.length2 ** 0.5 or 1e-9
        f = delta * (self.k * (length - self.rest) / length)
        self.a.apply(f)
        self.b.apply(-f)


class World:
    def __init__(self, particles, springs):
        self.particles = particles
        self.springs = springs
        self.collisions = 0

    def bounce(self, p):
        if p.pos.x < 0.0 or p.pos.x > WORLD:
            p.vel = V2(-p.vel.x * 0.9, p.vel.y)
            p.pos = V2(min(max(p.pos.x, 0.0), WORLD), p.pos.y)
        if p.pos.y < 0.0 or p.pos.y > WORLD:
            p.vel = V2(p.vel.x, -p.vel.y * 0.9)
            p.pos = V2(p.pos.x, min(max(p.pos.y, 0.0), WORLD))

    def grid(self):
        cells = {}
        for p in self.particles:
            key = (int(p.pos.x // CELL), int(p.pos.y // CELL))
            cells.setdefault(key, []).append(p)
        return cells

    def collide(self):
        cells = self.grid()
        for (cx, cy), members in cells.items():
            for dx in (0, 1):
                for dy in (-1, 0, 1):
                    others = cells.get((cx + dx, cy + dy))
                    if others:
                        self.collide_lists(members, others, others is members)

    def collide_lists(self, members, others, same):
        for i, p in enumerate(members):
            for q in (others[i + 1:] if same else others):
                delta = q.pos - p.pos
                if delta.length2 < 0.25:
                    self.collisions += 1
                    push = delta * 2.0
                    p.apply(-push)
                    q.apply(push)

    def step(self, dt):
        for s in self.springs:
            s.act()
        self.collide()
        for p in self.particles:
            p.integrate(dt)
            self.bounce(p)


def build(rng, count):
    particles = [Particle(V2(rng.random() * WORLD, rng.random() * WORLD),
                          V2(rng.random() - 0.5, rng.random() - 0.5),
                          1.0 + rng.below(3))
                 for _ in range(count)]
    springs = [Spring(particles[i], particles[(i * 7 + 1) % count], 1.5)
               for i in range(0, count, 2)]
    return World(particles, springs)


def run(size):
    world = build(harness.Lcg(21), 300)
    for _ in range(size):
        world.step(0.01)
    energy = sum(p.kinetic for p in world.particles)
    cx = sum(p.pos.x for p in world.particles) / len(world.particles)
    return "%.6f %.6f %d" % (energy, cx, world.collisions)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
