"""Argument expressions for the driver's calls: they vary with the loop
index `i`, and some change type once the code is warm (int, then float or
bigint), which is where a JIT's type speculation breaks."""
from ..exprs import BIG_INTS, FLOATS, SMALL_INTS


def int_arg(ctx):
    c = ctx
    return c.pick(["i", "(i * 7 - 50)", "(i % 3 == 0)", "(i << 62)", "(i - 20) * 3 ** 40",
                   c.pick(SMALL_INTS), c.pick(BIG_INTS), "True", "(i % 5)", "-i",
                   f"(i if i < {c.warm_iteration()} else i << 64)"])


def num_arg(ctx):
    c = ctx
    return c.pick([int_arg(c), int_arg(c), "(i * 0.5)", "(i / 7)", c.pick(FLOATS),
                   "float(i)", f"(i if i < {c.warm_iteration()} else i * 1.5)",
                   f"(i * 0.25 if i < {c.warm_iteration()} else i)",
                   "(-0.0 if i % 2 else 0)", "(i % 4 == 1)"])


def arg(ctx, tag):
    return int_arg(ctx) if tag == "int" else num_arg(ctx)
