"""Ctx: the state of one program being generated: its random source, fresh
names, and what each topic adds (module-level definitions, the calls the
driver loop makes, and the mutations it performs once the code is warm)."""
import random
from dataclasses import dataclass, field

from .writer import Code


@dataclass
class Call:
    """One call the driver makes at every iteration of its loop: `expr` may
    use the loop index `i`; its value (or exception) is printed under `label`."""
    label: str
    expr: str


@dataclass
class Mutation:
    """Statements the driver runs once, at iteration `at` (after the calls
    of that iteration), e.g. rebinding a global or a class attribute."""
    at: int
    stmts: list
    globals: tuple = ()


@dataclass
class Ctx:
    seed: int
    iters: int = 40
    features: frozenset = frozenset()
    rng: random.Random = None
    defs: Code = field(default_factory=Code)
    calls: list = field(default_factory=list)
    mutations: list = field(default_factory=list)
    _counter: int = 0

    def __post_init__(self):
        if self.rng is None:
            self.rng = random.Random(self.seed)

    def fresh(self, prefix):
        self._counter += 1
        return f"{prefix}{self._counter}"

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def weighted(self, pairs):
        """pairs: [(weight, value), ...] -> one value."""
        total = sum(w for w, _ in pairs)
        x = self.rng.random() * total
        for w, v in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][1]

    def warm_iteration(self):
        """An iteration of the driver loop by which the code is warm."""
        return self.rng.randrange(self.iters // 4, self.iters - 3)

    def call(self, label, expr):
        self.calls.append(Call(label, expr))

    def mutate(self, at, stmts, globals=()):
        self.mutations.append(Mutation(at, list(stmts), tuple(globals)))
