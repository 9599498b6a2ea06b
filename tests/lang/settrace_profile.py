"""sys.settrace / sys.setprofile: call/line/return/exception events, turning tracing on mid-loop, f_trace, f_trace_lines, and disabling."""
import sys

events = []


def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    name = frame.f_code.co_name
    if event == "return":
        events.append((name, event, rel(frame), repr(arg)))
    elif event == "exception":
        events.append((name, event, rel(frame), arg[0].__name__))
    else:
        events.append((name, event, rel(frame)))
    return tracer


def small(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total


def raiser(x):
    try:
        if x:
            raise ValueError(x)
    except ValueError:
        x = -x
    return x


def gen(n):
    for i in range(n):
        yield i * 10


def uses_gen():
    return list(gen(2))


def hot_add(a, b):
    return a + b


def trace_small():
    events.clear()
    sys.settrace(tracer)
    small(3)
    raiser(1)
    uses_gen()
    sys.settrace(None)
    return list(events)


def trace_mid_loop():
    events.clear()
    acc = 0
    for i in range(600):
        if i == 500:
            sys.settrace(tracer)
            sys._getframe().f_trace = tracer
        acc = hot_add(acc, i)
        if i == 502:
            sys.settrace(None)
            sys._getframe().f_trace = None
    # Only the first few events for brevity plus a count
    return acc, len(events), events[:12]


def local_tracer_only_calls(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    events.append((frame.f_code.co_name, event))
    return None  # no local tracing: only 'call' events


def trace_calls_only():
    events.clear()
    sys.settrace(local_tracer_only_calls)
    small(5)
    raiser(0)
    sys.settrace(None)
    return list(events)


def no_lines_tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    frame.f_trace_lines = False
    events.append((frame.f_code.co_name, event))
    return no_lines_tracer


def trace_no_lines():
    events.clear()
    sys.settrace(no_lines_tracer)
    small(4)
    raiser(2)
    sys.settrace(None)
    return list(events)


def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, getattr(arg, "__name__", "?")))
    elif frame.f_code.co_filename == __file__:
        events.append((event, frame.f_code.co_name))


def profiled():
    x = len([1, 2, 3])
    y = small(2)
    z = sorted([3, 1])
    try:
        int("bad")
    except ValueError:
        pass
    return x + y + sum(z)


def profile_run():
    events.clear()
    sys.setprofile(profiler)
    r = profiled()
    sys.setprofile(None)
    return r, list(events)


def gettrace_state():
    before = sys.gettrace()
    sys.settrace(tracer)
    during = sys.gettrace() is tracer
    sys.settrace(None)
    return before, during, sys.gettrace(), sys.getprofile()


def loop_warm():
    s = 0
    for i in range(2000):
        s += small(5) + raiser(i % 2)
    return s


def main():
    print("warm", loop_warm())
    for e in trace_small():
        print(e)
    acc, n, first = trace_mid_loop()
    print("mid loop", acc, n)
    for e in first:
        print(e)
    print(trace_calls_only())
    print(trace_no_lines())
    r, evs = profile_run()
    print("profiled result", r)
    for e in evs:
        print(e)
    print(gettrace_state())
    print("warm again", loop_warm())


main()
