"""Mandelbrot: escape-time iteration over a grid of points.

Tight float loops with an early exit; both plain floats and complex numbers.
Checksum: the total iteration count and a digest of the escape map.
"""

import harness

DEFAULT_SIZE = 420
QUICK_SIZE = 130

MAX_ITER = 80


def escape_floats(cr, ci):
    zr = zi = 0.0
    for n in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def escape_complex(c):
    z = 0j
    for n in range(MAX_ITER):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return MAX_ITER


def render(size, escape):
    rows = []
    for y in range(size):
        ci = -1.25 + 2.5 * y / size
        rows.append(bytes(escape(-2.1 + 2.8 * x / size, ci)
                          for x in range(size)))
    return rows


def run(size):
    plain = render(size, escape_floats)
    small = size // 2
    cplx = render(small, lambda cr, ci: escape_complex(complex(cr, ci)))
    total = sum(sum(row) for row in plain) + sum(sum(row) for row in cplx)
    return "%d %s" % (total, harness.digest(b"".join(plain + cplx)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
