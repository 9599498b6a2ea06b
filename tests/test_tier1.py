"""Tier 1 behaviour that the differential programs cannot show alone: what
really ran compiled (pyston.stats()), Ctrl-C in a compiled loop, the
recursion limit, the perf map."""
import json
import os
import re
import signal
import subprocess
import time

from conftest import PYSTON, STOCK, clean_env, run

JIT_ALL = clean_env(PYSTON_JIT_THRESHOLD="0")


def pyston_json(code, env=JIT_ALL):
    status, out, err = run([PYSTON, "-c", code], env=env)
    assert status == 0, err.decode()
    return json.loads(out.splitlines()[-1])


def test_loops_and_calls_run_compiled():
    stats = pyston_json("""
import json, pyston
def add(a, b):
    return a + b
def total(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t
before = pyston.stats()
assert total(10000) == 49995000
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("frames_jit", "frames_interp", "bailouts", "direct_calls")}))
""")
    # total() is entered through the hook, and add() too the first time (the
    # hook compiles it); after that, compiled code calls add() directly
    assert stats == {"frames_jit": 10001, "frames_interp": 0, "bailouts": 0, "direct_calls": 9999}


def test_direct_calls_bind_defaults_and_keywords_and_fall_back_for_varargs():
    stats = pyston_json("""
import json, pyston
def dflt(a, b=2, c=3):
    return a + b + c
def star(*args):
    return len(args)
def kw(a, *, k=1):
    return a + k
def run():
    return dflt(1), dflt(1, 5), dflt(1, 5, 7), dflt(a=1), star(1, 2), kw(1), kw(1, k=2)
run()
before = pyston.stats()
assert run() == (6, 9, 13, 6, 2, 2, 3)
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("frames_jit", "frames_interp", "direct_calls")}))
""")
    # run() and the four calls of dflt go direct; *args and keyword-only
    # parameters go through vectorcall and the hook
    assert stats == {"frames_jit": 8, "frames_interp": 0, "direct_calls": 5}


def test_instantiating_a_plain_class_calls_its_init_directly():
    stats = pyston_json("""
import json, pyston
class P:
    def __init__(self, x):
        self.x = x
def make(n):
    return [P(i) for i in range(n)]
make(1)
before = pyston.stats()
assert make(1000)[-1].x == 999
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("frames_jit", "frames_interp", "direct_calls")}))
""")
    # make() and its list comprehension, then 1000 __init__ frames entered directly
    assert stats == {"frames_jit": 1002, "frames_interp": 0, "direct_calls": 1002}


def test_for_loops_resume_compiled_generators_directly():
    stats = pyston_json("""
import json, pyston
def gen(n):
    for i in range(n):
        yield i
def total():
    return sum(x for x in gen(1000))
total()
before = pyston.stats()
assert total() == 499500
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("frames_jit", "frames_interp", "direct_calls")}))
""")
    # total(), and the first calls of the genexpr and of gen (which run
    # RETURN_GENERATOR) are direct calls; the genexpr's 1001 resumptions
    # come from sum() through the hook, gen's 1001 from the genexpr's
    # compiled for-loop, directly
    assert stats == {"frames_jit": 1 + 2 + 1001 + 1001, "frames_interp": 0,
                     "direct_calls": 1 + 2 + 1001}


def test_attribute_method_and_global_sites_hit_their_caches():
    stats = pyston_json("""
import json, pyston
class P:
    __slots__ = ("s",)
class Q:
    k = 3
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x
def loop(q, p, n):
    t = 0
    for i in range(n):
        q.x = i
        p.s = i
        t += q.x + q.m() + q.k + p.s + len(G)
    return t
G = "abc"
q, p = Q(), P()
loop(q, p, 1)
before = pyston.stats()
loop(q, p, 1000)
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("ic_hits", "ic_misses")}))
""")
    # per iteration: 2 stores, 4 attribute loads (one in m), 1 method load,
    # 2 globals; the few misses: globals rebound at module level (`before`)
    # and the module attribute pyston.stats
    assert stats["ic_hits"] + stats["ic_misses"] >= 9000 and stats["ic_misses"] <= 5, stats


def test_numbers_only_a_local_or_the_stack_holds_are_updated_in_place():
    # the observable sign that compiled code wrote results into the objects
    # themselves (stock makes a new number each time: the old one is still
    # alive when the new one is allocated, so the ids differ)
    stats = pyston_json("""
import json, pyston
def run(n):
    x = 0.5
    k = 1000
    same_x = same_k = same_temp = 0
    for i in range(n):
        before_x, before_k = id(x), id(k)
        x = x * 1.0001 + 0.5
        k += 3
        same_x += id(x) == before_x
        same_k += id(k) == before_k
        t = (x + 1.0) * 2.0     # x + 1.0 is a temporary: the product goes into it
    return same_x, same_k, x, k
before = pyston.stats()
same_x, same_k, x, k = run(1000)
after = pyston.stats()
print(json.dumps({"same_x": same_x, "same_k": same_k, "k": k,
                  "frames_jit": after["frames_jit"] - before["frames_jit"]}))
""")
    # (not the first time: x and k start as constants, which co_consts holds)
    assert stats == {"same_x": 999, "same_k": 999, "k": 4000, "frames_jit": 1}


def test_a_loop_is_compiled_at_the_first_call_whatever_the_threshold():
    stats = pyston_json("""
import json, pyston
def spin(n):
    while n:
        n -= 1
before = pyston.stats()["functions_compiled"]
spin(10)
print(json.dumps(pyston.stats()["functions_compiled"] - before))
""", env=clean_env(PYSTON_JIT_THRESHOLD="1000"))
    assert stats == 1


def test_attribute_caches_hit_on_super_type_names_and_module_dicts():
    # super().NAME, cls.__name__, module.__dict__ and a classmethod read
    # from its class: after a first miss at each site the 4000 loads hit (a
    # few misses come from pyston.stats() and the calls around; without
    # these caches there are 4000)
    stats = pyston_json("""
import json, pyston, sys
class Text(str):
    def __new__(cls, value):
        return super().__new__(cls, value)
    @classmethod
    def of(cls, value):
        return cls(value)
def run(n):
    names = 0
    for i in range(n):
        names += len(type(Text.of("x")).__name__) + len(sys.__dict__) * 0
    return names
run(2)
before = pyston.stats()
run(1000)
after = pyston.stats()
print(json.dumps([after[k] - before[k] for k in ("ic_misses", "ic_hits")]))
""")
    misses, hits = stats
    assert misses <= 10 and hits >= 4000


def test_both_call_shapes_are_direct_calls():
    # [method, self, args] after LOAD_METHOD, [NULL, function, args] after a
    # LOAD_GLOBAL that pushed the NULL (the shape known at compile time,
    # pushes_null_callable) and after PUSH_NULL + LOAD_FAST (checked at run
    # time): each of the 3000 calls enters its callee directly, and so does
    # the module's call of run().
    stats = pyston_json("""
import json, pyston
class Box:
    def get(self, k):
        return k + 1
def inc(k):
    return k + 1
def run(n):
    box, f, t = Box(), inc, 0
    for i in range(n):
        t += box.get(i) + inc(i) + f(i)
    return t
run(1)
before = pyston.stats()
assert run(1000) == 3 * 500500
after = pyston.stats()
print(json.dumps(after["direct_calls"] - before["direct_calls"]))
""")
    assert stats == 3001


def test_exceptions_are_caught_in_compiled_code():
    stats = pyston_json("""
import json, pyston
def f(i):
    try:
        try:
            return 1 / i
        finally:
            pass
    except ZeroDivisionError:
        return "caught"
def g():
    with open("/dev/null") as fh:
        raise KeyError(fh.name)
before = pyston.stats()
assert [f(i) for i in (0, 1, 0)] == ["caught", 1.0, "caught"]
try:
    g()
except KeyError:
    pass
after = pyston.stats()
print(json.dumps({k: after[k] - before[k] for k in ("bailouts", "frames_interp")}))
""")
    assert stats == {"bailouts": 0, "frames_interp": 0}


def test_a_trace_function_sees_exceptions_through_the_interpreter():
    stats = pyston_json("""
import json, pyston, sys
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        return "caught"
events = []
def tracer(frame, event, arg):
    events.append(event)
    return tracer
def run():
    sys.settrace(tracer)
    r = f()
    sys.settrace(None)
    return r
assert run() == "caught"
print(json.dumps(events))
""")
    assert "exception" in stats


def test_ctrl_c_stops_a_compiled_loop():
    code = ("import sys\ndef spin():\n    while True:\n        pass\n"
            "print('spinning', flush=True)\nspin()\n")
    results = []
    for argv, env in (([STOCK], clean_env()), ([PYSTON], clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_STATS="1"))):
        # (SIGINT's default action in the child: a shell that runs the
        # tests as a background job has it ignored, which children inherit)
        proc = subprocess.Popen(argv + ["-c", code], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        assert proc.stdout.readline() == b"spinning\n"
        time.sleep(0.3)
        # (a second Ctrl-C if the first went unseen: once, on a loaded
        # machine, stock itself spun on for 20 s after the first)
        for attempt in range(3):
            proc.send_signal(signal.SIGINT)
            try:
                out, err = proc.communicate(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            proc.kill()
            out, err = proc.communicate()
        results.append((proc.returncode, err))
    (stock_status, stock_err), (status, err) = results
    assert status == stock_status == -signal.SIGINT
    traceback, _, stats = err.partition(b"pyston stats:")
    assert traceback == stock_err and b"in spin\nKeyboardInterrupt" in stock_err
    assert b"functions_compiled" in stats  # the JIT was on


def test_recursion_error_at_the_same_depth_as_stock():
    code = """
import sys
def down(n):
    return down(n + 1) if n < 100000 else n
depth = 0
def probe(n):
    global depth
    depth = n
    probe(n + 1)
for limit in (100, 1000, 5000):
    sys.setrecursionlimit(limit)
    try:
        probe(0)
    except RecursionError as e:
        print(limit, depth, e)
"""
    stock = run([STOCK, "-c", code])
    ours = run([PYSTON, "-c", code], env=JIT_ALL)
    assert ours == stock and stock[0] == 0


def test_deep_recursion_does_not_overflow_the_c_stack():
    code = ("import sys\nsys.setrecursionlimit(10000)\n"
            "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(9000))\n")
    assert run([PYSTON, "-c", code], env=JIT_ALL)[:2] == (0, b"9000\n")


def test_perf_map_names_compiled_functions():
    code = "import os\ndef my_compiled_function():\n    return os.getpid()\nprint(my_compiled_function())\n"
    status, out, _ = run([PYSTON, "-c", code], env=clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_PERF_MAP="1"))
    path = f"/tmp/perf-{int(out)}.map"
    try:
        lines = open(path).read().splitlines()
    finally:
        os.unlink(path)
    names = [line.split(" ", 2)[2] for line in lines]
    assert any(n.startswith("py::my_compiled_function:<string>:2") for n in names)
    start, size = lines[0].split()[:2]
    assert int(start, 16) > 0 and int(size, 16) > 0


def test_dump_asm_shows_code_annotated_with_bytecode():
    code = "def dumped(a):\n    return a + 1\ndumped(1)\n"
    env = clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_DUMP_ASM="1")
    status, _, err = run([PYSTON, "-c", code], env=env)
    text = err.decode()
    assert status == 0
    section = text[text.index("pyston: compiled dumped (<string>:1)"):]
    assert "; " in section and "BINARY_OP" in section and "RETURN_VALUE" in section
    # the prologue is a call of the shared one, which saves the registers
    assert "call" in section.split("RESUME")[0]
    shared = text[text.index("pyston: compiled shared routines"):]
    enter = shared.split("; -- routine: enter\n", 1)[1].split("; -- ")[0]
    assert "push   rbp" in enter and "ret" in enter
    # the slow paths follow the body, after its last instruction
    body, tail = section.split("; -- slow paths\n", 1)
    tail = tail.split("pyston: compiled")[0]
    assert "RETURN_VALUE" in body and "RETURN_VALUE" not in tail
    assert tail.index("; -- stubs") < tail.index("; -- exits and epilogue")
    assert "ret" in tail.split("; -- exits and epilogue")[1]


def test_recursion_past_the_c_stack_raises_instead_of_crashing():
    # Stock CPython keeps Python frames off the C stack; with the eval-frame
    # hook every call recurses in C, so a limit raised past what the C stack
    # holds ends in RecursionError, never in a segfault.
    code = ("import sys\nsys.setrecursionlimit(10**6)\n"
            "def down(n):\n    return down(n + 1)\n"
            "try:\n    down(0)\nexcept RecursionError as e:\n    print('RecursionError', e)\n")
    for env in (JIT_ALL, clean_env()):
        assert run([PYSTON, "-c", code], env=env)[:2] == (
            0, b"RecursionError maximum recursion depth exceeded\n")


def test_a_thread_with_a_small_stack_does_not_crash():
    code = """
import threading
def deep(k):
    return 0 if k == 0 else deep(k - 1) + 1
threading.stack_size(128 * 1024)
result = []
def run():
    try:
        result.append(deep(900))
    except RecursionError:
        result.append("RecursionError")
t = threading.Thread(target=run)
t.start()
t.join()
print(result[0] in (900, "RecursionError"))
"""
    for env in (JIT_ALL, clean_env()):
        assert run([PYSTON, "-c", code], env=env)[:2] == (0, b"True\n")


def test_jit_profile_charges_callgrind_costs_to_bytecodes(tmp_path):
    # scripts/jit_profile.py: a hot loop's BINARY_OP and the shared
    # direct-call routine must show up among the costs of compiled code
    code = ("def inc(x):\n    return x + 1\n"
            "def loop(n):\n    t = 0\n    for i in range(n):\n        t = inc(t) * 1\n    return t\n"
            "loop(20000)\n")
    prog = tmp_path / "prog.py"
    prog.write_text(code)
    out = tmp_path / "cg.out"
    env = clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_PERF_MAP="1", PYSTON_DUMP_ASM="1")
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--trace-children=yes",
         "--trace-children-skip=/bin/sh,*objdump*", "--dump-instr=yes", "--cache-sim=yes",
         "--callgrind-out-file=%s.%%p" % out, PYSTON, str(prog)],
        env=env, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    profiles = sorted(tmp_path.glob("cg.out.*"), key=lambda p: p.stat().st_size)
    pid = profiles[-1].name.rsplit(".", 1)[1]
    dump = tmp_path / "dump.txt"
    dump.write_bytes(proc.stderr)
    perf_map = "/tmp/perf-%s.map" % pid
    try:
        report = subprocess.run(
            [STOCK, os.path.join(os.path.dirname(__file__), "..", "scripts", "jit_profile.py"),
             str(profiles[-1]), perf_map, str(dump), "50"],
            capture_output=True, timeout=120, check=True).stdout.decode()
    finally:
        if os.path.exists(perf_map):
            os.unlink(perf_map)
    rows = {line[:36].strip(): line[36:].split() for line in report.splitlines()[1:]}
    assert "I1mr" in report.splitlines()[0]
    # 20000 iterations: thousands of instructions each for the loop's
    # BINARY_OP and the shared routine that enters inc()
    assert int(rows["BINARY_OP"][0]) > 20000
    assert int(rows["routine: direct call"][0]) > 20000
    assert int(rows["total"][0]) > int(rows["BINARY_OP"][0])


SPECIALIZED_FIRST = """
import json, sys
class Slotted:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
class Plain:
    def __init__(self, a):
        self.a = a
class Mapped:
    pass
def get(o):
    return o.a
def put(o, v):
    o.a = v
def call_c(xs):
    return sorted(xs, key=lambda x: (x, sys._getframe(1).f_lasti)), list(map(abs, xs))
s, p, m = Slotted(1), Plain(2), Mapped()
m.__dict__["a"] = 3
for i in range(50):              # the interpreter specializes: LOAD_ATTR_SLOT...
    put(s, get(s) + 1)
    call_c([i])
try:
    import pyston
    before = pyston.stats()["frames_jit"]
except ImportError:
    pyston = None
out = [get(s), get(p), get(m), get(Slotted), call_c([3, -1])]
put(p, 10); put(m, 11); put(s, 12)
out += [get(p), get(m), get(s), get(sys) is sys.a if hasattr(sys, "a") else "no sys.a"]
try:
    get(object())
except AttributeError as e:
    out.append(str(e))
print(json.dumps(out, default=str))
if pyston:
    print(pyston.stats()["frames_jit"] - before, file=sys.stderr)
"""


def run_both_at_threshold_20(program, threshold="20"):
    """Runs PROGRAM under stock and pyston with the JIT threshold at 20 (the
    interpreter specializes first) or THRESHOLD; returns pyston's stdout,
    stock's, and pyston's stderr, both runs having succeeded."""
    env = clean_env(PYSTON_JIT_THRESHOLD=threshold)
    status, stock_out, _ = run([STOCK, "-c", program], env=env)
    assert status == 0
    status, out, err = run([PYSTON, "-c", program], env=env)
    assert status == 0, err.decode()
    return out, stock_out, err


def dump_sections_at_threshold_20(program, threshold="20"):
    """PROGRAM's PYSTON_DUMP_ASM dump at threshold 20 (or THRESHOLD), cut
    up per function (the first compile of each name): {name: {"body": its
    code up to the first section marker, section name: that section's
    text}}."""
    env = clean_env(PYSTON_JIT_THRESHOLD=threshold, PYSTON_DUMP_ASM="1")
    status, _, dump = run([PYSTON, "-c", program], env=env)
    assert status == 0
    functions = {}
    for chunk in dump.decode().split("pyston: compiled ")[1:]:
        parts = re.split(r"^\s*; -- (.*)$", chunk, flags=re.M)
        sections = {"body": parts[0], **dict(zip(parts[1::2], parts[2::2]))}
        functions.setdefault(chunk.split(" ", 1)[0], sections)
    return functions


def test_sites_the_interpreter_specialized_take_other_kinds_from_cold_code():
    # At threshold 20 the interpreter runs get() and put() first and
    # specializes them for a __slots__ member, which then goes inline; the
    # instance values, dicts, classes and errors after that take the cold
    # paths.  Same output as stock, and the calls ran compiled.
    out, stock_out, err = run_both_at_threshold_20(SPECIALIZED_FIRST)
    assert out == stock_out
    # get() 8 times, put() 3 times, call_c() once and its lambda twice
    assert int(err.splitlines()[-1]) == 14


GLOBALS_ONLY = """
import builtins, json, sys
def mylen(x):
    return -1
len = mylen
def f(x):
    return len(x), abs(-3)
out = []
for i in range(50):               # the interpreter specializes LOAD_GLOBAL_MODULE (len), _BUILTIN (abs)
    out.append(f([1, 2]))
try:
    import pyston
    before = pyston.stats()["frames_jit"]
except ImportError:
    pyston = None
out.append(f([1]))
del globals()["len"]              # now the builtin: a globals-only site must notice
out.append(f([1]))
builtins.len = lambda x: 42       # a builtins change
out.append(f([1]))
len = mylen                       # back in the globals
out.append(f([1]))
del len
builtins.abs = lambda x: "abs"
out.append(f([1]))
print(json.dumps(out[-6:]))
if pyston:
    print(pyston.stats()["frames_jit"] - before, file=sys.stderr)
"""


def test_a_global_the_interpreter_found_in_the_module_checks_only_the_globals():
    # At threshold 20 the interpreter specializes f's `len` as
    # LOAD_GLOBAL_MODULE first, and its compiled code checks only the
    # globals' version; the global deleted (the builtin then), the builtins
    # changed, the global back: same output as stock, and f ran compiled.
    out, stock_out, err = run_both_at_threshold_20(GLOBALS_ONLY)
    assert out == stock_out
    assert int(err.splitlines()[-1]) == 7  # f five times, mylen twice


# A dict subclass with __missing__ and a class with __getitem__ and
# __setitem__, for the subscript programs below.
SUBSCRIPTABLES = """
import json, sys
class D(dict):
    def __missing__(self, key):
        return "missing " + str(key)
class G:
    def __getitem__(self, key):
        return ("G", key)
    def __setitem__(self, key, value):
        print("set", key, value)
"""


DICT_SUBSCRIPTS = SUBSCRIPTABLES + """
def get(container, key):
    return container[key]
def put(container, key, value):
    container[key] = value
    return container
out = []
d = {"a": 1, (1, 2): "t"}
for i in range(50):               # the interpreter specializes BINARY_SUBSCR_DICT, STORE_SUBSCR_DICT
    out.append(get(d, "a"))
    put({}, i, i)
try:
    import pyston
    before = pyston.stats()["frames_jit"]
except ImportError:
    pyston = None
out.append(get(d, (1, 2)))
out.append(get([10, 20, 30], -1))
out.append(get((1, 2), 1))
out.append(get("abc", 1))
out.append(get(D(), "k"))
out.append(get(G(), 5))
for bad in ((d, "nope"), (d, []), ([1], 5), ([1], "x")):
    try:
        get(*bad)
    except Exception as e:
        out.append([type(e).__name__, str(e)])
out.append(sorted(put({}, "k", 1).items()))
out.append(put([0, 0], 1, 5))
try:
    put({}, [], 1)
except TypeError as e:
    out.append(str(e))
print(json.dumps(out[-16:]))
if pyston:
    print(pyston.stats()["frames_jit"] - before, file=sys.stderr)
"""


def test_subscripts_the_interpreter_specialized_for_dicts_call_the_dict_first():
    # At threshold 20 the interpreter specializes get()'s and put()'s
    # subscripts for dicts first; compiled, they have no inline list/tuple
    # path (and so no deferred slow path), and lists, tuples, str, a dict
    # subclass with __missing__, a class's __getitem__ and the errors give
    # the same output as stock, get() and put() running compiled.
    out, stock_out, err = run_both_at_threshold_20(DICT_SUBSCRIPTS)
    assert out == stock_out
    assert int(err.splitlines()[-1]) == 13  # get() ten times, put() three
    functions = dump_sections_at_threshold_20(DICT_SUBSCRIPTS)
    for name in ("get", "put"):
        assert functions[name]["slow paths"].strip() == "", name


CONSTANT_KEYS = SUBSCRIPTABLES + """
def get(c):
    return c["key"]
def get_pair(c):
    return c[(1, 2)]
def put(c):
    c["key"] = 5
def get_index(c):
    return c[1]
out = []
containers = [{"key": 1, (1, 2): "t"}, D(), G(), [1, 2], "str", (1, 2), {}]
for c in containers:
    for f in (get, get_pair, put, get_index):
        try:
            out.append([f.__name__, f(c)])
        except Exception as e:
            out.append([f.__name__, type(e).__name__, str(e)])
print(json.dumps(out))
print([sorted(map(repr, c.items())) for c in containers if isinstance(c, dict)])
"""


def test_subscripts_by_a_constant_that_is_not_an_int_call_the_dict_first():
    # d["key"], d[(1, 2)], d["key"] = v: the inline list/tuple path wants an
    # int index, so even compiled at the first call, before the interpreter
    # has specialized anything, these sites get the plain code, which calls
    # the dict first, with no slow path; c[1] keeps its inline path.  Every
    # kind of container gives the same output as stock.
    out, stock_out, _ = run_both_at_threshold_20(CONSTANT_KEYS, threshold="0")
    assert out == stock_out
    functions = dump_sections_at_threshold_20(CONSTANT_KEYS, threshold="0")
    for name in ("get", "get_pair", "put"):
        assert functions[name]["slow paths"].strip() == "", name
    assert functions["get_index"]["slow paths"].strip() != ""


OPERAND_TYPES = """
import json, math, sys
def add_ints(a, b):
    return a + b
def add_floats(a, b):
    return a + b
def add_strs(a, b):
    return a + b
def add_mixed(a, b):
    return a + b
def lt_ints(a, b):
    if a < b:
        return "lt"
    return "ge"
def lt_floats(a, b):
    if a < b:
        return "lt"
    return "ge"
def eq_strs(a, b):
    if a == b:
        return "eq"
    return "ne"
def suffix(a, b):
    return a + "!"
def half(a, b):
    return a * 0.5
def is_x(a, b):
    if a == "x":
        return "x"
    return "not x"
WARM = {add_ints: (3, 4), add_floats: (1.5, 2.0), add_strs: ("a", "b"),
        add_mixed: (1, 2.5), lt_ints: (1, 2), lt_floats: (1.0, 2.0), eq_strs: ("x", "y"),
        suffix: (1, 2), half: ("a", 1), is_x: (1.5, 0)}
for i in range(50):               # the interpreter specializes each site for its warm-up types
    for f, args in WARM.items():
        try:
            f(*args)
        except TypeError:
            pass
try:
    import pyston
    before = pyston.stats()["frames_jit"]
except ImportError:
    pyston = None
out = []
CASES = [(5, 7), (-3, 3), (2**62, 2**62), (2**100, -1), (1.5, 2.25), (math.nan, 1.0),
         (-0.0, 0.0), ("s", "t"), ("s", "s"), (1, 2.5), (2.5, 1), (True, False),
         ([1], [2]), ((1,), (1,)), (None, 1)]
for f in WARM:
    for a, b in CASES:
        try:
            out.append([f.__name__, repr(f(a, b))])
        except TypeError as e:
            out.append([f.__name__, "TypeError", str(e)])
print(json.dumps(out))
if pyston:
    print(pyston.stats()["frames_jit"] - before, file=sys.stderr)
"""


def test_operators_test_first_the_operand_type_the_interpreter_specialized_for():
    # At threshold 20 the interpreter specializes each + and < for the
    # types it saw; compiled, that type's path is inline and the others are
    # out of line (cold), none inline for strs or mixed types; an operator
    # with a constant operand has its type's path only.  Every kind of
    # operand, given to every function, gives the same output as stock,
    # each call running compiled.
    out, stock_out, err = run_both_at_threshold_20(OPERAND_TYPES)
    assert out == stock_out
    assert int(err.splitlines()[-1]) == 10 * 15
    functions = dump_sections_at_threshold_20(OPERAND_TYPES)
    inline_floats = {"add_ints": False, "add_floats": True, "add_strs": False,
                     "add_mixed": False, "lt_ints": False, "lt_floats": True,
                     "eq_strs": False}
    for name, inline in inline_floats.items():
        body = functions[name]["body"]
        assert (("addsd" in body) or ("ucomisd" in body)) == inline, name
    # every path is still there, out of line
    for name in ("add_ints", "add_strs", "add_mixed"):
        assert "addsd" in functions[name]["cold paths"], name
    # with a constant operand, only its type's path exists, whatever the
    # interpreter saw (the warm-up gave these other types)
    assert "mulsd" in functions["half"]["body"]
    assert "imul" not in "".join(functions["half"].values())
    assert "addsd" not in "".join(functions["suffix"].values())
    assert "ucomisd" not in "".join(functions["is_x"].values())


MODULE_ATTRIBUTES = """
import json, math, sys, types
mod = types.ModuleType("mod")
mod.value = 1
mod.func = lambda x: x + 1
class C:
    value = "class value"
    @staticmethod
    def func(x):
        return ("static", x)
    def plain(x):
        return ("plain", x)
class Inst:
    def __init__(self):
        self.value = "instance value"
    def func(self, x):
        return ("method", x)
def read(owner):
    return owner.value
def call(owner):
    return owner.func(2)
def sqrt_pi():
    return math.sqrt(4), math.pi
def cls_call(k):
    return k.plain(3)
out = []
for i in range(50):               # the interpreter specializes LOAD_ATTR_MODULE, LOAD_METHOD_MODULE/_CLASS
    out.append((read(mod), call(mod), sqrt_pi(), cls_call(C)))
try:
    import pyston
    before = pyston.stats()["frames_jit"]
except ImportError:
    pyston = None
out.append((read(mod), call(mod), sqrt_pi(), cls_call(C)))
mod.value = 2                     # the module's dict changes
mod.func = lambda x: x * 10
out.append((read(mod), call(mod)))
out.append((read(C), call(C), read(Inst()), call(Inst())))  # a class, an instance
class D(C):
    pass
out.append((cls_call(D), read(D), call(D)))
C.plain = lambda x: ("replaced", x)
out.append(cls_call(C))
del mod.value
try:
    read(mod)
except AttributeError as e:
    out.append(str(e))
math.sqrt = lambda x: "patched"
out.append(sqrt_pi())
print(json.dumps(out[-8:]))
if pyston:
    print(pyston.stats()["frames_jit"] - before, file=sys.stderr)
"""


def test_module_and_class_attributes_the_interpreter_specialized_are_looked_up_first():
    # At threshold 20 the interpreter specializes read()'s LOAD_ATTR for a
    # module and call()'s and cls_call()'s LOAD_METHOD for a module and a
    # class; compiled, those sites ask the module/class routine first, with
    # no type-version check in their hot code, and the instance ways after
    # that.  Changed modules and classes, instances, a subclass and errors
    # after: same output as stock, the functions running compiled.
    out, stock_out, err = run_both_at_threshold_20(MODULE_ATTRIBUTES)
    assert out == stock_out
    assert int(err.splitlines()[-1]) == 19
    functions = dump_sections_at_threshold_20(MODULE_ATTRIBUTES)
    for name in ("read", "call", "cls_call", "sqrt_pi"):
        # (find_way's type-version check)
        assert "cmp    r9d" not in functions[name]["body"], name
