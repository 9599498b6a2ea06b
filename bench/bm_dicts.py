"""Dict-heavy work: word statistics, an inverted index and a graph search.

Counting with ``get``/``setdefault``, dict comprehensions, nested dicts,
grouping, merging and breadth-first search over an adjacency dict with
string keys.  Checksum: a digest of the (sorted) results.
"""

from collections import deque

import harness

DEFAULT_SIZE = 250000
QUICK_SIZE = 30000

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "el", "an", "or"]


def make_words(rng, count):
    return ["".join(rng.choice(SYLLABLES) for _ in range(1 + rng.below(3)))
            for _ in range(count)]


def make_documents(rng, count):
    vocabulary = make_words(rng, 400)
    return [[rng.choice(vocabulary) for _ in range(5 + rng.below(20))]
            for _ in range(count)]


def word_counts(documents):
    counts = {}
    for doc in documents:
        for word in doc:
            counts[word] = counts.get(word, 0) + 1
    return counts


def inverted_index(documents):
    index = {}
    for number, doc in enumerate(documents):
        for position, word in enumerate(doc):
            index.setdefault(word, {}).setdefault(number, []).append(position)
    return index


def query(index, words):
    """Document numbers containing every word, best (most hits) first."""
    scores = None
    for word in words:
        postings = index.get(word, {})
        hits = {doc: len(pos) for doc, pos in postings.items()}
        if scores is None:
            scores = hits
        else:
            scores = {d: s + hits[d] for d, s in scores.items() if d in hits}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:5]


def build_graph(documents):
    """Link words that follow each other in some document."""
    graph = {}
    for doc in documents:
        for a, b in zip(doc, doc[1:]):
            graph.setdefault(a, {})[b] = graph.get(a, {}).get(b, 0) + 1
            graph.setdefault(b, {})
    return graph


def bfs_distances(graph, start):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def group_by_length(counts):
    groups = {}
    for word, count in counts.items():
        bucket = groups.setdefault(len(word), {"words": 0, "total": 0})
        bucket["words"] += 1
        bucket["total"] += count
    return groups


def run(size):
    rng = harness.Lcg(5)
    documents = make_documents(rng, size // 10)
    counts = word_counts(documents)
    index = inverted_index(documents)
    words = sorted(counts)
    results = [query(index, [words[i], words[(i * 7) % len(words)]])
               for i in range(0, len(words), 3)]
    graph = build_graph(documents)
    dist = bfs_distances(graph, words[0])
    merged = dict(counts)
    merged.update({w: -c for w, c in counts.items() if c % 2})
    summary = (sorted(counts.items())[:50], results,
               sorted(dist.items())[-50:], sorted(group_by_length(counts).items()),
               sum(merged.values()))
    return "%d %s" % (len(counts), harness.digest(repr(summary)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
