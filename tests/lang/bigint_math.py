"""Big integers and math: pi digits (spigot), factorials, modular pow/inverse, gcd/lcm/isqrt/comb, fractions, decimal, math/cmath functions."""
import cmath
import decimal
import fractions
import math


def pi_digits(n):
    """Gibbons' unbounded spigot algorithm, returns first n digits."""
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def bigops():
    a = 3 ** 200 + 12345
    b = 7 ** 90 - 1
    return [a % b, a // b, divmod(-a, b)[1] % 1000, a & b == b & a, (a ^ b).bit_length(), (a | b) % 99991,
            -a >> 100, (a << 77) % 1000003, pow(a, 65537, b) % 10 ** 12, pow(3, -1, 1000003), math.gcd(a, b),
            math.lcm(12, 18, 27), math.isqrt(a) ** 2 <= a < (math.isqrt(a) + 1) ** 2, math.comb(100, 50),
            math.perm(20, 5), int(str(a)[::-1]) % 97, a.bit_count(), abs(-a) == a, (-a) // 7 * 7 <= -a,
            float(2 ** 1000) == 2.0 ** 1000, hex(2 ** 100), oct(-(8 ** 20)), bin(2 ** 70 + 1)[-5:],
            (10 ** 40).to_bytes(17, "little").hex(), int("9" * 60) + 1 == 10 ** 60, round(123456789 * 10 ** 30, -35)]


def math_funcs():
    vals = [math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-10),
            math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, -1), math.hypot(3, 4, 12),
            math.degrees(math.pi), math.radians(180), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod(range(1, 11)),
            math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 3), math.frexp(48.0), math.ldexp(0.75, 6),
            math.modf(-3.25), math.trunc(-2.7), math.isclose(0.1 + 0.2, 0.3), math.gamma(5.5), math.lgamma(50),
            math.erf(0.5), math.factorial(25), math.dist((0, 0), (3, 4)), math.nextafter(1.0, 2.0), math.ulp(1.0),
            math.cbrt(27.0) if hasattr(math, "cbrt") else 3.0, math.exp2(10) if hasattr(math, "exp2") else 1024.0,
            cmath.sqrt(-4), cmath.exp(1j * math.pi).real, cmath.phase(-1), abs(cmath.polar(1j)[1] - math.pi / 2) < 1e-15]
    for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000),
                lambda: math.comb(-1, 2)):
        try:
            vals.append(bad())
        except (ValueError, OverflowError) as e:
            vals.append(f"{type(e).__name__}: {e}")
    return vals


def fractions_decimal():
    F = fractions.Fraction
    h = sum(F(1, k) for k in range(1, 30))
    decimal.getcontext().prec = 50
    D = decimal.Decimal
    return [h, h.numerator % 10 ** 9, F("3.1415926535").limit_denominator(1000), F(1, 3) + F(1, 6), F(-7, 4) // 1,
            F(2, 3) ** 2, float(F(1, 7)), F(0.5), F(10, -4), D(1) / D(7), D("1.1") + D("2.2"), D(2).sqrt(),
            D("123.456").quantize(D("0.01")), D("-0"), D(10) ** 30 + 1, str(D("1e-10") * 3),
            D("2.5").to_integral_value(rounding=decimal.ROUND_HALF_EVEN), D(1).exp()]


def main():
    d = pi_digits(300)
    print(d[:60], d[-20:], sum(map(int, d)))
    f = fact(500)
    print(len(str(f)), str(f)[:30], str(f).rstrip("0")[-10:], len(str(f)) - len(str(f).rstrip("0")))
    tot = 0
    for i in range(1, 1500):
        tot = (tot + fact(i % 60) % 1000000007 * i) % (2 ** 61 - 1)
    print("fact loop", tot)
    print(fib_pair(1000)[0] % 10 ** 20, len(str(fib_pair(10000)[0])))
    primes = [n for n in range(2, 3000) if is_probable_prime(n)]
    print(len(primes), primes[-5:], is_probable_prime(2 ** 89 - 1), is_probable_prime(2 ** 89 + 1),
          is_probable_prime(1000000007 * 998244353))
    for v in bigops():
        print(v)
    for v in math_funcs():
        print(repr(v))
    for v in fractions_decimal():
        print(repr(v))
    x = 1
    for i in range(1, 2000):
        x = x * (i | 1) + i
        if x.bit_length() > 4000:
            x >>= 3000
    print("mix", x % 10 ** 15, x.bit_length())


main()


def big_errors(x):
    out = []
    for op in (lambda: x // 0, lambda: x % 0, lambda: x / 0, lambda: x << -1, lambda: x >> -1,
               lambda: x * x // (x - x), lambda: (x << 10) / 3):
        try:
            out.append(op())
        except (ZeroDivisionError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    y = x
    y //= 7
    y %= 1000
    y <<= 70
    y ^= x
    y |= 1
    y &= x * 3
    y -= x
    out.append(y)
    return out


print(big_errors(2**100 + 12345), big_errors(-(2**65)))


def word_overflow_then_big(state):
    # Lcg-style: a word-size product that overflows, then big-int + and &
    out = []
    for _ in range(200):
        state = (state * 25214903917 + 11) & 0xFFFFFFFFFFFF
        out.append(state >> 17)
    return sum(out) % 1000000007, out[-1]


def big_in_place(n):
    acc = 1
    for i in range(1, n):
        acc *= i
        acc -= i
        acc //= 3
        acc <<= 1
        acc |= 1
        acc ^= i
    return acc % 10 ** 12, acc.bit_length()


def big_errors():
    big = 10 ** 30
    out = []
    for op in ("//", "%", "/", ">>", "<<"):
        for rhs in (0, -1, big):
            try:
                if op == "//":
                    r = big // rhs
                elif op == "%":
                    r = big % rhs
                elif op == "/":
                    r = big / rhs
                elif op == ">>":
                    r = big >> rhs
                else:
                    r = (big << rhs) if rhs != big else "skip"
                out.append((op, rhs == big, r if isinstance(r, str) else r % 1000003))
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                out.append((op, type(e).__name__, str(e), e.__traceback__.tb_lineno))
    try:
        (2 ** 100) @ 3
    except TypeError as e:
        out.append(str(e))
    return out


print(word_overflow_then_big(1234), word_overflow_then_big(2 ** 47 + 5))
print(big_in_place(120))
print(*big_errors(), sep="\n")
