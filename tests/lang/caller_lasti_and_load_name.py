"""Details a code review found: f_lasti/tb_lasti of a caller whose callee is a Python function (the interpreter inlines that call), and LOAD_NAME reading globals as a plain dict even when they are a dict subclass."""
import sys, threading
def callee(): return sys._getframe(1).f_lasti
def caller(): return callee()
def bad(): 1/0
def caller2():
    try: bad()
    except ZeroDivisionError as e: return e.__traceback__.tb_lasti
print(caller(), caller2())
class D(dict):
    def __missing__(self, k): return "missing:" + k
try: exec("print(x)", D(), {})
except NameError as e: print("NameError", e)
# the caller's f_lasti while a C function (sorted, a builtin type's
# vectorcall, a C method) runs Python code: the CALL itself
def c_callers():
    lasti = lambda x: sys._getframe(1).f_lasti
    return sorted([2, 1], key=lasti), list(map(lasti, [0])), [0].__class__(map(lasti, [1]))
print(c_callers())
