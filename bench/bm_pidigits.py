"""Pi digits: an unbounded spigot algorithm on big integers.

Gibbons' streaming spigot: every digit costs several bigint multiplications
and a division whose operands grow with the number of digits produced.
Checksum: a digest of the digits.
"""

import harness

DEFAULT_SIZE = 3500
QUICK_SIZE = 1000


def pi_digits(count):
    """Yield the first ``count`` decimal digits of pi."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    while produced < count:
        if 4 * q + r - t < n * t:
            yield n
            produced += 1
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def run(size):
    digits = "".join(str(d) for d in pi_digits(size))
    return "%s %s" % (digits[:12], harness.digest(digits))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
