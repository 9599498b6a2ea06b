"""Set-heavy work: Game of Life on a set of cells and graph components.

Sets of tuples with membership tests, unions, intersections, differences
and set comprehensions.  Checksum: population counts and component sizes
(order independent).
"""

import harness

DEFAULT_SIZE = 600
QUICK_SIZE = 36

NEIGHBOURS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
              if (dx, dy) != (0, 0)]


def life_step(alive):
    candidates = alive | {(x + dx, y + dy) for x, y in alive
                          for dx, dy in NEIGHBOURS}
    born_or_kept = set()
    for x, y in candidates:
        n = 0
        for dx, dy in NEIGHBOURS:
            if (x + dx, y + dy) in alive:
                n += 1
        if n == 3 or (n == 2 and (x, y) in alive):
            born_or_kept.add((x, y))
    return born_or_kept


def initial_cells(rng, count):
    return {(rng.below(40), rng.below(40)) for _ in range(count)}


def components(nodes, edges):
    """Connected components by repeated set subtraction."""
    neighbours = {n: set() for n in nodes}
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    unseen = set(nodes)
    sizes = []
    while unseen:
        frontier = {min(unseen)}
        seen = set()
        while frontier:
            seen |= frontier
            frontier = set().union(*(neighbours[n] for n in frontier)) - seen
        unseen -= seen
        sizes.append(len(seen))
    return sorted(sizes)


def run(size):
    rng = harness.Lcg(42)
    alive = initial_cells(rng, 500)
    populations = []
    for _ in range(size):
        alive = life_step(alive)
        populations.append(len(alive))
    nodes = list(range(size * 30))
    edges = [(rng.below(len(nodes)), rng.below(len(nodes)))
             for _ in range(size * 25)]
    comps = components(nodes, edges)
    evens = {n for n in nodes if n % 2 == 0}
    squares = {(n * n) % len(nodes) for n in nodes}
    mixed = len(evens & squares), len(evens ^ squares), len(squares - evens)
    return "%s %s %s %s" % (sum(populations), populations[-1],
                            harness.digest(repr(comps)), mixed)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
