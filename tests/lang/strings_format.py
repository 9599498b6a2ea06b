"""String formatting (f-strings, format specs, % formatting, str.format), str methods and unicode handling."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __format__(self, spec):
        if spec == "polar":
            return f"<r={(self.x ** 2 + self.y ** 2) ** 0.5:.3f}>"
        return f"({self.x:{spec}}, {self.y:{spec}})"

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"P[{self.x},{self.y}]"


def fstrings(i):
    name = "item%d" % i
    width = 3 + i % 5
    val = i * 1.25
    return (f"{name:>{width + 6}}|{val:{width}.{i % 4}f}|{i:#x}|{i:#o}|{i:#b}|{i:08_d}|{-i:+}|"
            f"{i * 1000:,}|{name!r}|{name!s:^12}|{val=}|{i % 3 == 0=}|{'q'*(i % 4)}|{{lit}}")


def percent(i):
    d = {"n": i, "s": "x" * (i % 3)}
    return ("%5d|%-5d|%05d|%x|%X|%o|%e|%.2g|%c|%r|%s|%%|%*d|%-*.*f" %
            (i, i, i, i * 31, i * 31, i, i / 3, i / 7, 65 + i % 26, "r", [i], 4, i, 7, 2, i / 9)
            ) + ("%(n)d-%(s)r" % d)


def methods(s):
    return [s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(),
            s.strip(), s.lstrip(" h"), s.rstrip("d "), s.split(), s.split("l"), s.rsplit("l", 1),
            s.partition("o"), s.rpartition("o"), s.find("o"), s.rfind("o"), s.index("l"),
            s.count("l"), s.replace("l", "L", 2), s.startswith(("he", " h")), s.endswith("ld "),
            s.center(21, "*"), s.ljust(16, "."), s.rjust(16), s.zfill(16), s.isalpha(), s.isspace(),
            "-".join(s.split()), s.expandtabs(4), s[::-1], s[2:9:2], s.encode("utf-8"),
            s.removeprefix(" he"), s.removesuffix("d "), s.splitlines(), s.istitle()]


def unicode_stuff():
    s = "naïve café — Ωμέγα 日本語 😀 ß ﬁ"
    out = [len(s), s.upper(), s.lower(), s.casefold(), s.encode("utf-8"), len(s.encode("utf-16-le")),
           [hex(ord(c)) for c in s[-7:]], s.isprintable(), "١٢٣".isdigit(), int("١٢٣"),
           "Ⅻ".isnumeric(), "ǅ".istitle(), chr(0x1F600) == s[-5], ascii(s[:12]),
           s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"),
           "straße".upper(), "İ".lower(), len("İ".lower()), sorted("bca日a本"), "é" == "e\u0301",
           b"\xc3\xa9".decode(), b"\xff\xfe".decode("utf-8", "replace"), str(b"x", "ascii"),
           "%s|%5s|%-5s|" % ("日本", "日本", "日本"), f"{'日本':*^8}", "abc".translate({97: "A", 98: None}),
           str.maketrans("ab", "xy"), "tab\there".expandtabs(), repr("quote'\"\n\t\x00\x7f\u200b")]
    try:
        s.encode("ascii")
    except UnicodeEncodeError as e:
        out.append(f"{type(e).__name__}: {e}")
    try:
        b"\xff".decode("utf-8")
    except UnicodeDecodeError as e:
        out.append(f"{type(e).__name__}: {e}")
    return out


def format_method():
    p = Point(3, 4)
    return ["{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]}{1[k]}".format([5, 6], {"k": 7}),
            "{p.x}/{p.y}".format(p=p), "{:polar}".format(p), "{:>5}".format(p), f"{p:polar} {p:03d}",
            "{!r:>20}".format(p), "{:^10.3s}|".format("abcdef"), format(1234.5678, ",.2f"),
            format(0.000123, ".2e"), format(12, "c"), format(255, "08b"), format(-3, "=8d"),
            format(3.14159, "+010.3f"), format(1e100, "g"), format(123, ""), format(12.0, "n"),
            format(True, "d"), format(True), "{:%}".format(0.256), "{:_x}".format(2 ** 40),
            "%.3s" % "abcdef", "%-6.2f|" % 3.14159, "%+d %+d" % (5, -5), "% d" % 42, "%#x" % 255,
            str(p), repr(p), "{0!s} {0!r} {0!a}".format("ü")]


def builder(n):
    parts = []
    for i in range(n):
        parts.append(str(i) if i % 3 else chr(97 + i % 26))
    s = "".join(parts)
    acc = ""
    for i in range(n):
        acc += s[i % len(s)]
    return s, acc


def main():
    total = 0
    for i in range(600):
        total += len(fstrings(i)) + len(percent(i)) * 3
    print("lengths", total)
    for i in (0, 7, 42, 123):
        print(fstrings(i))
        print(percent(i))
    for s in (" hello world ", "Hello\tWorld\nagain", "ALL CAPS", ""):
        r = None
        for _ in range(200):
            try:
                r = methods(s)
            except ValueError as e:
                r = f"ValueError: {e}"
        print(r)
    for x in unicode_stuff():
        print(x)
    for x in format_method():
        print(repr(x))
    s, acc = builder(1000)
    print(len(s), s[:50], acc[-30:], hash(s) == hash("".join(list(s))))
    errs = []
    for bad in [lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "{0}{1}".format(1),
                lambda: "{x}".format(y=1), lambda: format(1, "z"), lambda: f"{1:{'>'}{'10'}.q}",
                lambda: "abc"[5], lambda: "abc".index("z"), lambda: "a" * -1 + "b" * 2.0]:
        try:
            errs.append(bad())
        except Exception as e:
            errs.append(f"{type(e).__name__}: {e}")
    for e in errs:
        print(e)


main()
