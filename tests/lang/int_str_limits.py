"""int<->str conversion: bases, the 4300-digit limit (sys.set_int_max_str_digits), int() parsing edge cases, repr of big numbers, hex/oct/bin round trips."""
import sys


def roundtrip(n):
    s = str(n)
    return int(s) == n and int(hex(n), 16) == n and int(oct(n), 8) == n and int(bin(n), 2) == n


def parse_cases():
    cases = ["0", "-0", "+17", "  42  ", "1_000", "0_1", "1__0", "_1", "1_", "٣", "0x", "12a", "", " ", "- 1",
             "00", "007", "1e3", "3.0", "\t\n-9\r", "９９"]
    out = []
    for c in cases:
        try:
            out.append((c, int(c)))
        except ValueError as e:
            out.append((c, f"ValueError: {e}"))
    for c, base in [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("z", 36), ("Z", 36), ("10", 2), ("12", 2),
                    ("0b11", 0), ("0o17", 0), ("017", 0), ("0", 0), ("1_0", 0), ("10", 37), ("10", 1)]:
        try:
            out.append((c, base, int(c, base)))
        except ValueError as e:
            out.append((c, base, f"ValueError: {e}"))
    return out


def limit_tests():
    out = [sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold]
    big = 10 ** 5000
    try:
        str(big)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    try:
        int("1" * 5000)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    out.append(len(hex(big)))  # power-of-two bases are not limited
    out.append(int("f" * 5000, 16).bit_length())
    ok = 10 ** 4299
    out.append(len(str(ok)))
    try:
        len(str(ok * 10))
    except ValueError as e:
        out.append("4300 digits rejected")
    sys.set_int_max_str_digits(0)
    out.append(len(str(big)))
    out.append(int("7" * 6000) % 1000)
    sys.set_int_max_str_digits(5000)
    out.append(len(str(10 ** 4999)))
    try:
        sys.set_int_max_str_digits(100)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    sys.set_int_max_str_digits(4300)
    out.append(sys.get_int_max_str_digits())
    try:
        f"{big}"
    except ValueError as e:
        out.append(f"f-string ValueError: {str(e)[:40]}")
    try:
        "%d" % big
    except ValueError as e:
        out.append(f"%-format ValueError: {str(e)[:40]}")
    return out


def hot(n):
    tot = 0
    for i in range(n):
        v = i * 1234567891011 - 5
        s = str(v)
        tot += len(s) + int(s[-3:] or "0") + int(format(i, "x") or "0", 16) + len(repr(-v)) + len(f"{v:,}")
        tot += int(str(v * v)[:5])
    return tot


def main():
    print("hot", hot(2000))
    nums = [0, 1, -1, 255, -256, 2 ** 31 - 1, -2 ** 31, 2 ** 63, 2 ** 64 + 7, -(10 ** 30), 3 ** 100]
    print([roundtrip(n) for n in nums])
    for n in nums:
        print(n, hex(n), oct(n), bin(n)[:20], format(n, "_d"), format(n, "#_x"), f"{n:>30}", f"{n:e}"[:12])
    for row in parse_cases():
        print(row)
    for row in limit_tests():
        print(row)
    print(str(2 ** 1000)[:40], len(str(2 ** 10000)), sum(int(c) for c in str(2 ** 1000)))


main()
