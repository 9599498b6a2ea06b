"""Recursion: deep recursion with raised limit, RecursionError caught, mutual recursion, memoization, recursive data structures."""
import functools
import sys

sys.setrecursionlimit(10000)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def sum_list(lst):
    if not lst:
        return 0
    return lst[0] + sum_list(lst[1:])


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def infinite(n):
    return infinite(n + 1) + 1


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


memo = {}


def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]


@functools.lru_cache(maxsize=None)
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)


def permutations(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, ch in enumerate(s):
        for p in permutations(s[:i] + s[i + 1:]):
            out.append(ch + p)
    return out


class Tree:
    def __init__(self, v, left=None, right=None):
        self.v, self.left, self.right = v, left, right

    def insert(self, v):
        if v < self.v:
            if self.left:
                self.left.insert(v)
            else:
                self.left = Tree(v)
        else:
            if self.right:
                self.right.insert(v)
            else:
                self.right = Tree(v)

    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.v
        if self.right:
            yield from self.right.inorder()

    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)


def recursive_repr():
    a = [1, 2]
    a.append(a)
    d = {"k": 1}
    d["self"] = d
    return repr(a), repr(d)


def deep_exception(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        deep_exception(n - 1)
    except ValueError as e:
        if n % 1000 == 0:
            raise ValueError(f"rethrown at {n}") from e
        raise


def main():
    print(depth(5000), depth(10))
    tot = 0
    for i in range(200):
        tot += depth(i)
    print("depths", tot)
    print(sum_list(list(range(2000))))
    print(is_even(3001), is_odd(3001), is_even(4000))
    for _ in range(2):
        try:
            infinite(0)
        except RecursionError as e:
            print("RecursionError caught", type(e).__name__)
    print("still works", depth(4000))
    print(ackermann(2, 3), ackermann(3, 3))
    print(partitions(100, 100), partitions(250, 250) % 1000000007, len(memo) > 1000)
    print(max(range(1, 3000), key=collatz_len), collatz_len(27))
    moves = []
    hanoi(10, "A", "B", "C", moves)
    print(len(moves), moves[:5], moves[-1])
    perms = permutations("abcde")
    print(len(perms), perms[:4], perms[-1], len(set(perms)))
    t = Tree(500)
    v = 1
    for _ in range(1000):
        v = (v * 7919) % 1009
        t.insert(v)
    lst = list(t.inorder())
    print(len(lst), lst[:10], lst == sorted(lst), t.height())
    print(recursive_repr())
    try:
        deep_exception(3500)
    except ValueError as e:
        chain = []
        while e is not None:
            chain.append(str(e))
            e = e.__cause__
        print(chain)
    print(sys.getrecursionlimit())


main()
