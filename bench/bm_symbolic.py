"""Symbolic algebra with structural pattern matching (Python 3.10+).

Expressions are trees of small dataclass nodes; differentiation and
simplification are written with ``match`` statements over class patterns,
sequence patterns and guards.  Uses 3.10 syntax, so not run on pypy3 (3.9).
Checksum: the printed derivatives and their numeric values.
"""

from dataclasses import dataclass

import harness

DEFAULT_SIZE = 500
QUICK_SIZE = 50
PYPY = False


@dataclass(frozen=True)
class Num:
    value: int


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Add:
    left: object
    right: object


@dataclass(frozen=True)
class Mul:
    left: object
    right: object


@dataclass(frozen=True)
class Pow:
    base: object
    exponent: int


def diff(expr, x):
    match expr:
        case Num():
            return Num(0)
        case Var(name) if name == x:
            return Num(1)
        case Var():
            return Num(0)
        case Add(a, b):
            return Add(diff(a, x), diff(b, x))
        case Mul(a, b):
            return Add(Mul(diff(a, x), b), Mul(a, diff(b, x)))
        case Pow(base, n):
            return Mul(Mul(Num(n), Pow(base, n - 1)), diff(base, x))
    raise TypeError(expr)


def simplify(expr):
    match expr:
        case Add(a, b):
            return simplify_add(simplify(a), simplify(b))
        case Mul(a, b):
            return simplify_mul(simplify(a), simplify(b))
        case Pow(base, 0):
            return Num(1)
        case Pow(base, 1):
            return simplify(base)
        case Pow(base, n):
            return Pow(simplify(base), n)
        case _:
            return expr


def simplify_add(a, b):
    match (a, b):
        case (Num(0), other) | (other, Num(0)):
            return other
        case (Num(p), Num(q)):
            return Num(p + q)
        case _ if a == b:
            return simplify_mul(Num(2), a)
        case _:
            return Add(a, b)


def simplify_mul(a, b):
    match (a, b):
        case (Num(0), _) | (_, Num(0)):
            return Num(0)
        case (Num(1), other) | (other, Num(1)):
            return other
        case (Num(p), Num(q)):
            return Num(p * q)
        case (Num(p), Mul(Num(q), rest)):
            return simplify_mul(Num(p * q), rest)
        case _:
            return Mul(a, b)


def evaluate(expr, env):
    match expr:
        case Num(v):
            return v
        case Var(name):
            return env[name]
        case Add(a, b):
            return evaluate(a, env) + evaluate(b, env)
        case Mul(a, b):
            return evaluate(a, env) * evaluate(b, env)
        case Pow(base, n):
            return evaluate(base, env) ** n


def show(expr):
    match expr:
        case Num(v):
            return str(v)
        case Var(name):
            return name
        case Add(a, b):
            return "(%s + %s)" % (show(a), show(b))
        case Mul(a, b):
            return "%s*%s" % (show(a), show(b))
        case Pow(base, n):
            return "%s^%d" % (show(base), n)


def make_polynomial(rng, terms):
    x, y = Var("x"), Var("y")
    expr = Num(rng.below(10))
    for _ in range(terms):
        term = Mul(Num(1 + rng.below(9)),
                   Mul(Pow(x, rng.below(5)), Pow(y, rng.below(4))))
        expr = Add(expr, term) if rng.below(2) else Add(term, expr)
    return expr


def run(size):
    rng = harness.Lcg(8)
    total = 0
    texts = []
    for _ in range(size):
        poly = make_polynomial(rng, 12)
        for var in ("x", "y", "x"):
            poly = simplify(diff(poly, var))
            total += evaluate(poly, {"x": 3, "y": -2})
        texts.append(show(poly))
    return "%d %s" % (total, harness.digest("|".join(texts)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
