"""A profiler switched on inside __next__ (a for loop over a generator) or __bool__ (an if) sees the rest of the frame: its C calls and its return."""
import sys
def prof(frame, event, arg):
    if event in ("c_call", "c_return", "call", "return"):
        print("P", event, frame.f_code.co_name, getattr(arg, '__name__', ''))
def gen():
    sys.setprofile(prof)
    yield 1
def f(fn):
    for x in gen():
        y = fn("ab")
    return y
f(len); sys.setprofile(None)
class B:
    def __bool__(self):
        sys.setprofile(prof)
        return True
def h():
    if B():
        z = len("abc")
    return z
h(); sys.setprofile(None)
