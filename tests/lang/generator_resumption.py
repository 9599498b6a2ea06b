"""for-loops resume compiled generators directly (no eval-frame hook): the
exception state seen inside, StopIteration raised inside, a generator
re-entered while running, frames that outlive the generator."""
import sys
def g(n):
    for i in range(n):
        yield i
    return "done"
def bad():
    yield 1
    raise StopIteration("inner")
def uses_exc():
    try:
        raise KeyError("outer")
    except KeyError:
        for x in g(2):
            print("exc_info inside loop", sys.exc_info()[0].__name__, x)
        def inner():
            yield sys.exc_info()[0]
        for e in inner():
            print("in generator:", e)
print(sum(g(100)), list(g(3)))
try:
    for x in bad():
        print(x)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
uses_exc()
gen = g(5)
for x in gen:
    if x == 2:
        break
print(next(gen), list(gen))
def reentrant():
    yield from_inside()
def from_inside():
    for x in me:
        pass
me = reentrant()
try:
    for y in me:
        pass
except ValueError as e:
    print("ValueError", e)
def keep_frame():
    yield sys._getframe()
frames = [f for f in keep_frame()]
print(frames[0].f_code.co_name, frames[0].f_lineno)
