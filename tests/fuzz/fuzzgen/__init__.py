"""A generator of random, valid, deterministic Python 3.11 programs for
differential testing of the JIT against stock CPython.

    from fuzzgen import generate
    source = generate(seed)          # same seed, same program

Every program defines a few functions, each from one topic (topics/), then
calls them all in a loop from main() and prints each result: a trace that
must be the same under any interpreter and any hash seed."""
from .program import FEATURES, generate

__all__ = ["FEATURES", "generate"]
