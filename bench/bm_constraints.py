"""Constraint solver: a generic CSP solver applied to sudoku and map colouring.

Variables, domains and binary constraints are objects; the solver combines
AC-3 arc consistency with backtracking search (minimum remaining values),
copying and restoring domains.  Problems are generated deterministically.
Checksum: a digest of the solutions and the search statistics.
"""

from collections import deque

import harness

DEFAULT_SIZE = 30
QUICK_SIZE = 4


class NotEqual:
    """The binary constraint a != b."""

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def other(self, var):
        return self.b if var == self.a else self.a

    def supported(self, value, other_domain):
        """Is there a value in other_domain compatible with ``value``?"""
        return len(other_domain) > 1 or value not in other_domain


class Problem:
    def __init__(self):
        self.domains = {}
        self.constraints = {}

    def add_variable(self, name, values):
        self.domains[name] = set(values)
        self.constraints[name] = []

    def add_not_equal(self, a, b):
        c = NotEqual(a, b)
        self.constraints[a].append(c)
        self.constraints[b].append(c)


class Solver:
    def __init__(self, problem):
        self.problem = problem
        self.nodes = 0
        self.revisions = 0

    def revise(self, domains, var, constraint):
        other = constraint.other(var)
        removed = False
        for value in sorted(domains[var]):
            if not constraint.supported(value, domains[other]):
                domains[var].discard(value)
                removed = True
        self.revisions += 1
        return removed

    def propagate(self, domains, start):
        queue = deque(start)
        while queue:
            var = queue.popleft()
            for constraint in self.problem.constraints[var]:
                other = constraint.other(var)
                if self.revise(domains, other, constraint):
                    if not domains[other]:
                        return False
                    queue.append(other)
        return True

    def choose(self, domains):
        best, best_size = None, None
        for var, domain in domains.items():
            size = len(domain)
            if size > 1 and (best_size is None or size < best_size):
                best, best_size = var, size
        return best

    def search(self, domains):
        self.nodes += 1
        var = self.choose(domains)
        if var is None:
            return domains
        for value in sorted(domains[var]):
            trial = {k: set(v) for k, v in domains.items()}
            trial[var] = {value}
            if self.propagate(trial, [var]):
                result = self.search(trial)
                if result is not None:
                    return result
        return None

    def solve(self):
        domains = {k: set(v) for k, v in self.problem.domains.items()}
        if not self.propagate(domains, list(domains)):
            return None
        return self.search(domains)


def sudoku_problem(rng, holes):
    """A sudoku built from a shuffled valid grid with ``holes`` cells cleared."""
    digits = list(range(1, 10))
    rng.shuffle(digits)
    rows = [band * 3 + r for band in rng_order(rng, 3) for r in rng_order(rng, 3)]
    cols = [stack * 3 + c for stack in rng_order(rng, 3) for c in rng_order(rng, 3)]
    grid = [[digits[(r * 3 + r // 3 + c) % 9] for c in cols] for r in rows]
    cells = [(r, c) for r in range(9) for c in range(9)]
    rng.shuffle(cells)
    for r, c in cells[:holes]:
        grid[r][c] = 0
    problem = Problem()
    for r in range(9):
        for c in range(9):
            given = grid[r][c]
            problem.add_variable((r, c), [given] if given else range(1, 10))
    for r1, c1 in sorted(problem.domains):
        for r2, c2 in sorted(problem.domains):
            if (r1, c1) < (r2, c2) and (
                    r1 == r2 or c1 == c2
                    or (r1 // 3 == r2 // 3 and c1 // 3 == c2 // 3)):
                problem.add_not_equal((r1, c1), (r2, c2))
    return problem


def rng_order(rng, n):
    order = list(range(n))
    rng.shuffle(order)
    return order


def coloring_problem(rng, regions, colors):
    """Colour a random planar-ish graph: each region borders a few earlier ones."""
    problem = Problem()
    for i in range(regions):
        problem.add_variable(i, range(colors))
    for i in range(1, regions):
        neighbours = {max(0, i - 1 - rng.below(4)) for _ in range(2)}
        neighbours.add(i - 1)
        for j in sorted(neighbours):
            problem.add_not_equal(j, i)
    return problem


def describe(solution):
    if solution is None:
        return "none"
    return "".join(str(min(solution[k])) for k in sorted(solution))


def run(size):
    rng = harness.Lcg(1234)
    out = []
    nodes = revisions = 0
    for i in range(size):
        for problem in (sudoku_problem(rng, 52 + i % 6),
                        coloring_problem(rng, 120, 3)):
            solver = Solver(problem)
            out.append(describe(solver.solve()))
            nodes += solver.nodes
            revisions += solver.revisions
    return "%d %d %s" % (nodes, revisions, harness.digest("|".join(out)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
