"""Deep copies: ``copy.deepcopy`` of nested containers and objects.

Copies a document tree of dicts, lists, tuples and custom objects (with
shared references and a cycle), mutates the copies, and checks that the
originals are untouched; also exercises ``__deepcopy__`` and ``copy.copy``.
Checksum: a structural summary of the copies.
"""

import copy

import harness

DEFAULT_SIZE = 170
QUICK_SIZE = 17


class Node:
    def __init__(self, name, attrs, children):
        self.name = name
        self.attrs = attrs
        self.children = children
        self.parent = None


class Interned:
    """Copied by reference on purpose, like a shared immutable resource."""

    def __init__(self, value):
        self.value = value

    def __deepcopy__(self, memo):
        return self


def make_tree(rng, depth, shared):
    children = []
    if depth > 0:
        children = [make_tree(rng, depth - 1, shared)
                    for _ in range(1 + rng.below(3))]
    node = Node("n%d" % rng.below(1000),
                {"weight": rng.below(100), "tags": ["t%d" % rng.below(9)],
                 "pos": (rng.below(10), rng.below(10)), "style": shared},
                children)
    for child in children:
        child.parent = node
    return node


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def bump(tree):
    for node in walk(tree):
        node.attrs["weight"] += 1
        node.attrs["tags"].append("copied")


def summary(tree):
    total = count = tags = 0
    for node in walk(tree):
        total += node.attrs["weight"]
        count += 1
        tags += len(node.attrs["tags"])
    return total, count, tags


def run(size):
    rng = harness.Lcg(11)
    shared = {"font": "mono", "size": 12}
    forest = [make_tree(rng, 4, shared) for _ in range(6)]
    config = {"forest": forest, "resource": Interned(7),
              "matrix": [[float(i * j) for j in range(8)] for i in range(8)]}
    config["self"] = config
    results = []
    for _ in range(size):
        clone = copy.deepcopy(config)
        assert clone["self"] is clone
        assert clone["resource"] is config["resource"]
        styles = {id(n.attrs["style"]) for t in clone["forest"] for n in walk(t)}
        assert len(styles) == 1
        for tree in clone["forest"]:
            bump(tree)
        shallow = copy.copy(clone["forest"])
        results.append((summary(shallow[0]), len(shallow)))
    original = [summary(t) for t in forest]
    return harness.digest(repr((results[-1], len(results), original)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
