"""Mixed int/float/bool arithmetic: bigint overflow, divmod, negative floor div/mod, float formatting, edge cases."""
import math
import sys


def mix(i):
    a = i * 7 - 300
    b = (i % 13) - 6
    r = [a + b, a - b, a * b]
    if b != 0:
        r.append(a // b)
        r.append(a % b)
        r.append(divmod(a, b))
        r.append(round(a / b, 6))
    else:
        r.append("div0")
    r.append(a ** 2 - b ** 3)
    r.append(-a >> 3)
    r.append(a << (i % 5))
    r.append(a & 0xFF ^ b | 3)
    r.append(~a)
    return r


def overflow(n):
    x = 1
    acc = 0
    for k in range(n):
        x = x * 3 + k
        acc ^= x
    return x, acc


def floats(i):
    f = i / 7.0 - 13.5
    g = f * 1e10
    return (f + 1, f * f, f // 2.5, f % 2.5, -f % 3, math.floor(f), math.ceil(f),
            int(g), round(f, 3), round(f), abs(f), f.is_integer(), float(i).is_integer())


def bools(i):
    t = i % 2 == 0
    f = i % 3 == 0
    return (t + f, t * 10, t - f, t & f, t | f, t ^ f, -t, ~t, t / 1, sum([t, f, True]),
            True + 1.5, int(t), float(f))


def fmt_floats():
    vals = [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.125, 1e300 * 1e10,
            -(1e300 * 1e10), 2.5, 3.5, -2.5, 0.5, 1.5, 5e-324, 1.7976931348623157e308]
    out = []
    for v in vals:
        out.append("%r|%s|%.3f|%e|%g|%10.4g|%+.2f" % (v, v, v, v, v, v, v))
        out.append(f"{v!r} {v:.5} {v:,.2f} {v:%}" if not math.isinf(v) else f"{v} {v:.3f}")
    nan = float("nan")
    out.append(repr(nan))
    out.append(str([nan == nan, nan != nan, nan < 1, math.isnan(nan), 1 in [nan], nan in [nan]]))
    out.append(str([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675)]))
    out.append(str([round(2.675, 2), round(1.005, 2), round(12345, -2), round(-12355, -1)]))
    return out


def int_float_edges():
    out = []
    big = 2 ** 53
    out.append([float(big), float(big + 1), int(float(big + 1)), big + 1 == float(big + 1)])
    out.append([10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 63, -2 ** 63, 2 ** 64 - 1])
    out.append([int(-3.9), int(3.9), int("-42"), int("0x1f", 16), int("0o17", 0), int("0b101", 0),
                int(" 12_345 "), float("  -1.5e3 "), float("inf"), float("-inf")])
    out.append([(-7) // 2, (-7) % 2, 7 // -2, 7 % -2, (-7) // -2, (-7) % -2,
                -7.0 // 2, -7.0 % 2, 7.0 % -2, divmod(-7.5, 2), divmod(7, -3)])
    out.append([pow(2, -1), pow(-8, 1 / 3).real > 0 if isinstance(pow(-8, 1 / 3), complex) else "real",
                (-2) ** 2, -2 ** 2, 2 ** -2, 0 ** 0, 0.0 ** 0])
    out.append([1e308 * 10, -1e308 * 10, math.inf - math.inf != math.inf - math.inf])
    out.append([(5).bit_length(), (-5).bit_length(), (255).to_bytes(2, "big"),
                int.from_bytes(b"\xff\x01", "little", signed=True), (10).as_integer_ratio(),
                (0.75).as_integer_ratio(), (0.1).hex(), float.fromhex("0x1.8p1")])
    out.append([complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j) ** 2, (1j) ** 2])
    out.append([sys.maxsize + 1, -sys.maxsize - 2, sys.maxsize * sys.maxsize])
    out.append([hash(1), hash(1.0), hash(True), hash(-1), hash(2 ** 61 - 1), hash(0.5)])
    for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0),
                lambda: int("abc"), lambda: float("x"), lambda: int(float("inf")),
                lambda: int(float("nan")), lambda: 2.0 ** 10000, lambda: "a" + 1,
                lambda: 10 ** -1 % 0]:
        try:
            out.append(bad())
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


def main():
    total = 0
    for i in range(1500):
        r = mix(i)
        for v in r:
            if isinstance(v, tuple):
                total += v[0] * 3 + v[1]
            elif isinstance(v, float):
                total += int(v * 1000)
            elif isinstance(v, int):
                total += v
        total &= (1 << 128) - 1
    print("mix checksum", total)
    print("mix samples", mix(0), mix(47), mix(1499))
    x, acc = overflow(300)
    print("overflow", x % 1000000007, acc.bit_length(), len(str(x)))
    fs = 0.0
    for i in range(1000):
        t = floats(i)
        fs += t[0] + t[1] * 1e-3 + t[2] + t[3] + t[4] + t[5] + t[6] + t[8] + t[9] + t[10]
        fs += t[7] * 1e-10
    print("float sum", repr(fs))
    print("floats 5", floats(5))
    print("floats 91", floats(91))
    bs = 0
    for i in range(1000):
        t = bools(i)
        bs += t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7] + t[9] + int(t[10] * 2)
    print("bool sum", bs, bools(6), bools(1))
    for line in fmt_floats():
        print(line)
    for row in int_float_edges():
        print(row)


main()
