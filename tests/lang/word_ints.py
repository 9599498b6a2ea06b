"""Integer arithmetic around the sizes tier 1 computes in machine words
(ints of one and two 30-bit digits, below 2**60): every operator with
both signs, products that overflow 64 bits, floor division and modulo
rounding toward -inf, shifts by 0..64 and by a negative count, and
comparisons across the digit boundaries."""

VALUES = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, -(2**31 + 5),
          2**59 + 3, -(2**59 + 3), 2**60 - 1, -(2**60 - 1), 2**60, -(2**60), 2**61,
          2**64 + 7, 12345678901234567]
SHIFTS = [0, 1, 29, 30, 31, 59, 60, 62, 63, 64, 100, -1]


def binary(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b,
           a > b, a >= b]
    for f in (lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
        try:
            out.append(f())
        except ZeroDivisionError as e:
            out.append(str(e))
    x = a
    x += b
    x *= 3
    x -= a
    x //= 7
    out.append(x)
    return out


def shifts(a):
    out = []
    for s in SHIFTS:
        try:
            out.append((a >> s, a << s if s < 70 else None))
        except ValueError as e:
            out.append(str(e))
        y = a
        if s >= 0:
            y >>= s
        out.append(y)
    return out


def constants(a):
    """Constants baked into the code: shifts, masks and products."""
    return [a >> 0, a >> 3, a >> 30, a >> 63, a & 0xFF, a | 1, a ^ -1, a & -2,
            a * 1000, a * -3, a * 536870911, a + 1073741823, a - 1073741823,
            a * 1103515245, a & 0x7FFFFFFF]


def lcg(n):
    """A generator of 31-bit values, as benchmarks write them."""
    value = 1
    total = 0
    for _ in range(n):
        value = (value * 1103515245 + 12345) & 0x7FFFFFFF
        total += value % 1000 + (value >> 17) + value // 3
    return total, value


for a in VALUES:
    for b in VALUES:
        print(a, b, binary(a, b))
    print(a, shifts(a))
    print(a, constants(a))
print(lcg(3000))
for a in VALUES:  # word ints mixed with floats: converted as float_add does
    print(a + 0.5, a * 1.0, a - 0.25, a / 3.0, 0.5 + a)
