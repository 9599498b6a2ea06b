"""exec/eval/compile: modes, namespaces, generated functions called hot, SyntaxError details, code object attributes, ast round trip."""
import ast
import dis


def make_adder_source(k):
    return f"def add_{k}(x):\n    return x + {k}\n"


def generated_functions():
    ns = {}
    for k in range(20):
        exec(make_adder_source(k), ns)
    tot = 0
    for i in range(1000):
        tot += ns[f"add_{i % 20}"](i)
    return tot, sorted(k for k in ns if k.startswith("add_"))[:3]


def modes():
    out = []
    out.append(eval(compile("1 + 2 * 3", "<expr>", "eval")))
    g = {}
    exec(compile("a = 5\nb = a * 2\n", "<exec>", "exec"), g)
    out.append((g["a"], g["b"]))
    code = compile("41 + 1", "<single>", "single")
    out.append(code.co_filename)
    exec(code, {})  # 'single' mode echoes the value through sys.displayhook
    loc = {}
    exec("y = [i for i in range(3)]", {}, loc)
    out.append(loc)
    out.append(eval("lambda q: q * 2")(21))
    out.append(eval("[n for n in range(4) if n != c]", {"c": 2}))
    # exec with separate locals: functions defined there see globals, not those locals
    glb, lcl = {"G": "global"}, {"L": "local"}
    exec("def f():\n    return G\nr = f()\ntry:\n    L2 = (lambda: L)()\nexcept NameError as e:\n    L2 = str(e)\n",
         glb, lcl)
    out.append((lcl["r"], lcl["L2"]))
    return out


def syntax_errors():
    out = []
    for src in ["x = = 1", "def f(:\n pass", "for x in y\n  pass", "return 5", "a b", "(1, 2", "x = 1 +",
                "f(**a, *b)", "def f(a, a): pass", "nonlocal q", "break", "'abc"]:
        try:
            compile(src, "<src>", "exec")
            out.append((src, "compiled?"))
        except SyntaxError as e:
            out.append((src, type(e).__name__, e.msg, e.lineno, e.offset))
    try:
        eval("1 +* 2")
    except SyntaxError as e:
        out.append(("eval", e.msg, e.text))
    try:
        compile("x = 1", "<src>", "eval")
    except SyntaxError as e:
        out.append(("eval mode", e.msg))
    return out


def code_objects():
    def sample(a, b=1, *c, d, **e):
        z = a + b
        return z

    co = sample.__code__
    out = [co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_flags & 0x0C,
           co.co_consts[:1], co.co_names, co.co_stacksize > 0, co.co_filename == __file__]
    ops = [ins.opname for ins in dis.get_instructions(sample)]
    out.append([op for op in ops if op in ("LOAD_FAST", "BINARY_OP", "STORE_FAST", "RETURN_VALUE")])
    new = co.replace(co_name="renamed")
    out.append(new.co_name)
    f2 = type(sample)(new, {"__builtins__": __builtins__})
    out.append((f2(2, 5, d=0), f2.__name__, f2.__qualname__))
    return out


def ast_roundtrip():
    src = "def g(n):\n    return [i * i for i in range(n) if i % 2]\nresult = g(7)\n"
    tree = ast.parse(src)
    out = [type(n).__name__ for n in tree.body]

    class Doubler(ast.NodeTransformer):
        def visit_Constant(self, node):
            if isinstance(node.value, int):
                return ast.copy_location(ast.Constant(node.value * 10), node)
            return node
    tree2 = ast.fix_missing_locations(Doubler().visit(tree))
    ns = {}
    exec(compile(tree2, "<ast>", "exec"), ns)
    out.append(ns["result"])
    out.append(ast.unparse(tree2).splitlines()[1].strip())
    out.append(ast.literal_eval("{'a': [1, 2.5, (None, True)], 'b': -3}"))
    try:
        ast.literal_eval("__import__('os')")
    except ValueError as e:
        out.append(f"ValueError: {str(e)[:30]}")
    out.append(ast.dump(ast.parse("x + 1", mode="eval")))
    return out


def hot_eval(n):
    code = compile("a * b + c", "<hot>", "eval")
    tot = 0
    for i in range(n):
        tot += eval(code, {"a": i, "b": 2, "c": 1})
    return tot


def main():
    print(generated_functions())
    for x in modes():
        print(x)
    for x in syntax_errors():
        print(x)
    for x in code_objects():
        print(x)
    for x in ast_roundtrip():
        print(x)
    print(hot_eval(1000))
    # exec modifying globals of this module
    exec("NEW_GLOBAL = 'made by exec'", globals())
    print(NEW_GLOBAL)  # noqa: F821


main()
