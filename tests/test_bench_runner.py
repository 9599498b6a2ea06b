"""bench/run.py's statistics: paired speed-ups and the ABBA process order."""
import os
import sys
import types

from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "bench"))
import run as bench_run  # noqa: E402


def process(*times):
    return {"times": list(times), "checksum": "c"}


def summary(*processes, warmup=1):
    return bench_run.summarize_interp(list(processes), warmup)


def test_speed_up_pairs_each_rounds_processes():
    # A slow spell hits round 2 on both sides and round 3 only on pyston's
    # side... of the overall medians; paired, each round says 2x.
    stock = summary(process(0, 200, 200), process(0, 400, 400),
                    process(0, 400, 400), process(0, 200, 200))
    pyston = summary(process(0, 100, 100), process(0, 200, 200),
                     process(0, 200, 200), process(0, 100, 100))
    assert bench_run.ratio(stock, pyston) == 2.0
    skewed = summary(process(0, 100, 100), process(0, 200, 200),
                     process(0, 200, 200), process(0, 200, 200))
    # Overall medians would give 300 / 200 = 1.5; paired rounds give
    # (2, 2, 2, 1) whose median is 2.
    assert bench_run.ratio(stock, skewed) == 2.0


def test_speed_up_skips_failed_rounds_and_old_results():
    stock = summary(process(0, 300, 300), {"error": "exit 1"},
                    process(0, 300, 300))
    pyston = summary(process(0, 100, 100), process(0, 100, 100),
                     {"error": "exit 1"})
    assert bench_run.ratio(stock, pyston) == 3.0
    old = {"median": 300.0}
    assert bench_run.ratio(old, {"median": 150.0}) == 2.0
    assert bench_run.ratio(stock, {"median": None}) is None


def test_rounds_alternate_which_interpreter_goes_first(monkeypatch):
    order = []

    def fake_process(interp, bm, size, iterations, timeout):
        order.append(interp.label)
        return process(0, 1.0)

    monkeypatch.setattr(bench_run, "run_benchmark_process", fake_process)
    interps = [types.SimpleNamespace(label=label, runs=lambda bm: True)
               for label in ("python3.11", "pyston")]
    args = types.SimpleNamespace(size=10, quick=False, warmup=1,
                                 iterations=1, runs=4, timeout=1)
    progress = types.SimpleNamespace(update=lambda text: None)
    bm = types.SimpleNamespace(name="x", default_size=10, quick_size=1,
                               pypy=True)
    entry = bench_run.bench_one(bm, interps, args, progress)
    assert order == ["python3.11", "pyston", "pyston", "python3.11"] * 2
    assert entry["results"]["pyston"]["round_medians"] == [1.0] * 4
