"""Reduces a failing program to a small reproducer while the failure
persists (hierarchical delta debugging over statements).

Passes, repeated until none makes progress or the budget runs out:
  1. remove statements: in every statement list (the module, then the
     bodies nested in it, outermost first), remove chunks of consecutive
     statements, halving the chunk size down to one statement; a body left
     empty becomes `pass`;
  2. unwrap compound statements: replace an if/for/while/with/try by its
     first body, dedented;
  3. shrink `range(N)` literals (the driver loop's iteration count first);
  4. remove elements of list and tuple displays.
Blank lines and comments are then tidied away.
Candidates that do not compile are skipped without running them.  The
programs are those of the generator: one statement per line, 4-space
indentation."""
import ast
import time

COMPOUND = (ast.If, ast.For, ast.While, ast.With, ast.Try)


def statement_lists(tree):
    """Every statement list in TREE, each before the lists nested in it."""
    found = []

    def visit(body):
        found.append(body)
        for stmt in body:
            for name in ("body", "orelse", "finalbody"):
                sub = getattr(stmt, name, None)
                if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                    visit(sub)
            for handler in getattr(stmt, "handlers", ()):
                visit(handler.body)
            for case in getattr(stmt, "cases", ()):
                visit(case.body)
    visit(tree.body)
    return found


def span(stmt):
    """(first line, last line) of STMT, 1-based, decorators included."""
    first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", ())])
    return first, stmt.end_lineno


def indent_of(line):
    return line[:len(line) - len(line.lstrip())]


def without(lines, body, i, j):
    """LINES with statements body[i:j] removed (`pass` if none is left)."""
    first, last = span(body[i])[0], span(body[j - 1])[1]
    keep = [indent_of(lines[first - 1]) + "pass"] if (i, j) == (0, len(body)) else []
    return lines[:first - 1] + keep + lines[last:]


def unwrapped(lines, stmt):
    """LINES with compound STMT replaced by its first body, dedented."""
    first, last = span(stmt)
    inner = stmt.body
    b_first, b_last = span(inner[0])[0], span(inner[-1])[1]
    cut = len(indent_of(lines[b_first - 1])) - len(indent_of(lines[first - 1]))
    body = [line[cut:] if line.strip() else line for line in lines[b_first - 1:b_last]]
    return lines[:first - 1] + body + lines[last:]


class Reducer:
    def __init__(self, source, still_fails, budget_seconds=300, max_tests=2000, log=None):
        self.lines = source.splitlines()
        self.still_fails = still_fails
        self.deadline = time.monotonic() + budget_seconds
        self.tests_left = max_tests
        self.tried = set()
        self.log = log or (lambda msg: None)

    def text(self):
        return "\n".join(self.lines) + "\n"

    def out_of_budget(self):
        return self.tests_left <= 0 or time.monotonic() > self.deadline

    def attempt(self, lines):
        """Adopts LINES if the program still compiles and still fails."""
        text = "\n".join(lines) + "\n"
        if text in self.tried or self.out_of_budget():
            return False
        self.tried.add(text)
        try:
            compile(text, "<reduced>", "exec")
        except SyntaxError:
            return False
        self.tests_left -= 1
        if not self.still_fails(text):
            return False
        self.lines = lines
        return True

    def tree(self):
        return ast.parse(self.text())

    def remove_statements(self):
        progress = False
        index = 0
        while not self.out_of_budget():
            lists = statement_lists(self.tree())
            if index >= len(lists):
                return progress
            body = lists[index]
            size = len(body)
            while size >= 1 and not self.out_of_budget():
                start = 0
                while start < len(body):
                    end = min(start + size, len(body))
                    if self.attempt(without(self.lines, body, start, end)):
                        progress = True
                        body = statement_lists(self.tree())[index]
                        if len(body) == 1 and isinstance(body[0], ast.Pass):
                            break
                    else:
                        start = end
                size //= 2
            index += 1
        return progress

    def unwrap_compounds(self):
        progress = False
        position = 0
        while not self.out_of_budget():
            compounds = [s for body in statement_lists(self.tree()) for s in body
                         if isinstance(s, COMPOUND)]
            if position >= len(compounds):
                return progress
            if self.attempt(unwrapped(self.lines, compounds[position])):
                progress = True
            else:
                position += 1
        return progress

    def shrink_ranges(self):
        progress = False
        for node in [n for n in ast.walk(self.tree()) if is_range_literal(n)]:
            arg = node.args[0]
            n = arg.value
            for smaller in sorted({1, 2, 4, n // 2} - {n}):
                if smaller >= n:
                    continue
                line = self.lines[arg.lineno - 1]
                new = line[:arg.col_offset] + str(smaller) + line[arg.end_col_offset:]
                if self.attempt(self.lines[:arg.lineno - 1] + [new] + self.lines[arg.lineno:]):
                    progress = True
                    break
            if progress:
                return True  # positions moved: walk again
        return progress

    def shrink_displays(self):
        """Removes elements of one-line list and tuple displays."""
        progress = False
        position = 0
        while not self.out_of_budget():
            displays = [n for n in ast.walk(self.tree()) if isinstance(n, (ast.List, ast.Tuple))
                        and len(n.elts) > 1 and n.lineno == n.end_lineno]
            if position >= len(displays):
                return progress
            node = displays[position]
            line = self.lines[node.lineno - 1]
            for k in range(len(node.elts)):
                smaller = type(node)(elts=node.elts[:k] + node.elts[k + 1:], ctx=node.ctx)
                new = line[:node.col_offset] + ast.unparse(smaller) + line[node.end_col_offset:]
                if self.attempt(self.lines[:node.lineno - 1] + [new] + self.lines[node.lineno:]):
                    progress = True
                    break
            else:
                position += 1
        return progress

    def run(self):
        passes = (self.remove_statements, self.unwrap_compounds, self.shrink_ranges,
                  self.shrink_displays)
        while not self.out_of_budget():
            progress = False
            for reduce_pass in passes:
                before = len(self.lines)
                if reduce_pass():
                    progress = True
                    self.log(f"reduce: {reduce_pass.__name__}: {before} -> {len(self.lines)} lines")
            if not progress:
                break
        tidy = tidied(self.lines)
        if tidy != self.lines and self.still_fails("\n".join(tidy) + "\n"):
            self.lines = tidy
        return self.text()


def tidied(lines):
    """LINES without blank lines and comment lines, except two blank lines
    before each top-level statement that follows an indented block."""
    out = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if out and not line[0].isspace() and out[-1][0].isspace():
            out += ["", ""]
        out.append(line)
    return out


def is_range_literal(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "range" and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant) and type(node.args[0].value) is int
            and node.args[0].value > 1)


def reduce(source, still_fails, **kwargs):
    """The smallest program found that STILL_FAILS (a predicate on source text)."""
    return Reducer(source, still_fails, **kwargs).run()
