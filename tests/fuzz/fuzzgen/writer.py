"""Code: a list of source lines with an indentation level, for writing the
programs the fuzzer generates.  One statement per line, so that the reducer
can cut programs along lines."""
from contextlib import contextmanager


class Code:
    def __init__(self, indent=0):
        self.lines = []
        self.level = indent

    def line(self, text):
        self.lines.append("    " * self.level + text)

    def extend(self, other):
        """Appends the lines of another Code (already indented)."""
        self.lines.extend(other.lines)

    @contextmanager
    def block(self, header):
        """`with code.block("if x:"):` writes the header and indents what is
        written inside; an empty body becomes `pass`."""
        self.line(header)
        self.level += 1
        start = len(self.lines)
        try:
            yield self
        finally:
            if len(self.lines) == start:
                self.line("pass")
            self.level -= 1

    def text(self):
        return "\n".join(self.lines) + "\n"
