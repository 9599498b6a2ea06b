"""Structural pattern matching: literal, capture, wildcard, value, sequence, star, mapping, class, OR, AS, guards, nesting."""
import dataclasses
import enum


class Color(enum.Enum):
    RED = "r"
    GREEN = "g"


@dataclasses.dataclass
class Point:
    x: int
    y: int


@dataclasses.dataclass
class Line:
    a: Point
    b: Point


class Custom:
    __match_args__ = ("kind", "size")

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

    def __repr__(self):
        return f"Custom({self.kind!r}, {self.size})"


def classify(obj):
    match obj:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"
        case "hello" | b"hello":
            return "greeting"
        case Color.RED:
            return "red enum"
        case int(n) if n > 1000:
            return f"big int {n}"
        case int() | float() as num if num < 0:
            return f"negative {num}"
        case str(s) if len(s) > 5:
            return f"long str {s[:5]}"
        case str():
            return "short str"
        case []:
            return "empty seq"
        case [x]:
            return f"one {x!r}"
        case [x, y] if x == y:
            return f"pair same {x!r}"
        case [int() as x, int() as y]:
            return f"int pair sum {x + y}"
        case [first, *_, last] if isinstance(first, str):
            return f"str-led first={first} last={last!r}"
        case [1, 2, *rest]:
            return f"1-2 prefix rest={rest}"
        case (a, (b, c), *more):
            return f"nested {a},{b},{c} more={len(more)}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": "rect", "w": w, "h": h, **extra}:
            return f"rect {w}x{h} extra={sorted(extra)}"
        case {"type": str(t)}:
            return f"typed {t}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return f"on axis {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return f"vertical line x={x1} {y1}..{y2}"
        case Line(a=Point() as p1, b=p2):
            return f"line from {p1} to {p2}"
        case Custom("box", size) if size > 10:
            return f"big box {size}"
        case Custom(kind="box"):
            return "small box"
        case Custom(k, s):
            return f"custom {k} {s}"
        case {Color.GREEN: v}:
            return f"green-keyed {v}"
        case set() | frozenset():
            return f"a set of {len(obj)}"
        case _:
            return f"other {type(obj).__name__}"


def value_patterns(v):
    match v:
        case Color.GREEN:
            return "green"
        case Color():
            return "some color"
    return "no color"


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", _]:
            return "unknown direction"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "empty"


def fizz(i):
    match (i % 3, i % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return i


def main():
    samples = [None, True, False, 0, 0.0, -1, 1 + 2j, "hello", b"hello", Color.RED, Color.GREEN, 5000, 7, -3, -2.5,
               "abcdefgh", "abc", [], [9], (4, 4), [3, 4], ["s", 1, 2, 3], [1, 2, 3, 4], (0, (1, 2), 3, 4),
               {"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2, "z": 0, "c": 1}, {"type": "tri"},
               {"type": 5}, Point(0, 0), Point(0, 7), Point(3, 0), Point(4, 4), Point(1, 2),
               Line(Point(1, 2), Point(1, 9)), Line(Point(0, 0), Point(5, 5)), Custom("box", 50),
               Custom("box", 1), Custom("bag", 2), {1, 2}, frozenset(), 3.5, "x" * 3, range(2), (1, 2),
               [[1], [1]], "ab", {"type": "circle"}, {Color.GREEN: 9, "x": 1}]
    for s in samples:
        print(repr(s)[:40], "->", classify(s))
    counts = {}
    for i in range(1500):
        r = classify(samples[i % len(samples)])
        key = r.split()[0]
        counts[key] = counts.get(key, 0) + 1
    print(sorted(counts.items()))
    print([value_patterns(c) for c in (Color.RED, Color.GREEN, "g")])
    for c in ["go north", "go up", "take lamp key", "take", "quit", "exit", "dance now", ""]:
        print(repr(c), command(c))
    print([fizz(i) for i in range(1, 16)])
    print(sum(1 for i in range(3000) if fizz(i) == "Fizz"))
    # match on a mapping subclass / str is not a sequence
    match "abc":
        case [a, b, c]:
            print("str matched sequence?!")
        case _:
            print("str is not a sequence pattern")
    match {"a": 1, "b": 2}:
        case {"a": 1, **rest}:
            print("rest", rest)
    try:
        match Point(1, 2):
            case Point(1, 2, 3):
                pass
    except TypeError as e:
        print("TypeError", e)


main()
