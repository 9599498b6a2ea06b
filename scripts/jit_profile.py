"""Charge a callgrind profile of compiled code to bytecodes and code parts.

Usage:
    PYSTON_PERF_MAP=1 PYSTON_DUMP_ASM=1 valgrind --tool=callgrind \\
        --trace-children=yes --trace-children-skip='/bin/sh,*objdump*' \\
        --dump-instr=yes [--cache-sim=yes] --callgrind-out-file=cg.out \\
        bin/pyston prog.py 2>dump.txt
    python3 scripts/jit_profile.py cg.out /tmp/perf-PID.map dump.txt [N]

Every instruction of compiled code is charged to the bytecode instruction
whose code it is in (a fused group to its last instruction), or to the part
after the body the dump names (`; -- slow paths`, `; -- routine: ...`,
`; -- stubs`, `; -- exits and epilogue`), or to PROLOGUE; the shared
routines are one part of their own.  Prints the N (default 30) costliest
rows, by I1 misses when the profile has them, else by instructions.
"""
import bisect
import collections
import re
import sys


def read_callgrind(path):
    """Per instruction address: {event: count} (callgrind's compressed
    address lines; the costs of calls= lines are inclusive and skipped)."""
    events, costs = None, collections.defaultdict(collections.Counter)
    address, after_calls = 0, False
    with open(path) as f:
        for line in f:
            if line.startswith("events:"):
                events = line.split()[1:]
                continue
            if line.startswith("calls="):
                after_calls = True
                continue
            if not line or line[0] not in "0123456789+-*":
                after_calls = False
                continue
            fields = line.split()
            where = fields[0]
            if where.startswith("0x"):
                address = int(where, 16)
            elif where[0] in "+-":
                step = int(where[1:], 16) if where[1:].startswith("0x") else int(where[1:])
                address += step if where[0] == "+" else -step
            if after_calls:
                after_calls = False
                continue
            for name, value in zip(events or [], fields[2:]):  # (after the line number)
                costs[address][name] += int(value)
    return events or [], costs


def read_regions(perf_map, dump):
    """[(start, end, label)] of compiled code, from the perf map's addresses
    and the dump's markers."""
    where = {}
    with open(perf_map) as f:
        for line in f:
            start, size, name = line.rstrip("\n").split(" ", 2)
            where[name] = (int(start, 16), int(size, 16))
    regions = []

    def close(name, marks):
        if name not in where:
            return
        base, size = where[name]
        marks.sort()
        if not marks or marks[0][0] > 0:
            marks.insert(0, (0, "PROLOGUE"))
        for i, (offset, label) in enumerate(marks):
            end = marks[i + 1][0] if i + 1 < len(marks) else size
            regions.append((base + offset, base + end, label))

    name, marks, pending = None, [], None
    with open(dump) as f:
        for line in f:
            m = re.match(r"pyston: compiled (.*) \((.*):(\d+)\), \d+ bytes", line)
            if m or line.startswith("pyston: compiled shared routines"):
                if name:
                    close(name, marks)
                name = ("py::%s:%s:%s" % m.groups()) if m else "pyston::shared_routines"
                marks, pending = [], None
                continue
            m = re.match(r"\s*;\s+\d+\s+(\S+)", line) or re.match(r"\s*; -- (.*)", line)
            if m:
                pending = m.group(1).strip()
                continue
            m = re.match(r"\s+([0-9a-f]+):", line)
            if m and pending:
                marks.append((int(m.group(1), 16), pending))
                pending = None
    if name:
        close(name, marks)
    regions.sort()
    return regions


def profile(events, costs, regions):
    """{label: Counter of events} over the compiled code."""
    starts = [r[0] for r in regions]
    rows = collections.defaultdict(collections.Counter)
    for address, cost in costs.items():
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < regions[i][1]:
            rows[regions[i][2]].update(cost)
    return rows


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    events, costs = read_callgrind(argv[0])
    rows = profile(events, costs, read_regions(argv[1], argv[2]))
    limit = int(argv[3]) if len(argv) > 3 else 30
    key = "I1mr" if "I1mr" in events else "Ir"
    total = collections.Counter()
    for row in rows.values():
        total.update(row)
    shown = [e for e in ("Ir", "I1mr") if e in events]
    print("%-36s" % "compiled code" + "".join("%14s %6s" % (e, "%") for e in shown))
    for label, row in sorted(rows.items(), key=lambda kv: -kv[1][key])[:limit]:
        print("%-36s" % label[:36] + "".join(
            "%14d %5.1f%%" % (row[e], 100.0 * row[e] / max(total[e], 1)) for e in shown))
    print("%-36s" % "total" + "".join("%14d %6s" % (total[e], "") for e in shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
