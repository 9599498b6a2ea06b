"""Builds pyston._jit for `pip install .`; `make` builds the same sources."""
from glob import glob

from setuptools import Extension, setup

setup(ext_modules=[Extension(
    "pyston._jit",
    sources=sorted(glob("src/*.c") + glob("src/*/*.c")),
    include_dirs=["src"],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden"],
)])
