"""A tiny language implemented in Python: tokenizer, recursive-descent parser, AST tree-walker and a stack-machine bytecode compiler/VM."""
import re

TOKEN_RE = re.compile(r"\s*(?:(\d+)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+*/%()<>=;{},]))")


def tokenize(src):
    pos = 0
    out = []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m or m.end() == pos:
            raise SyntaxError(f"bad char at {pos}: {src[pos]!r}")
        num, name, op = m.groups()
        if num:
            out.append(("num", int(num)))
        elif name:
            out.append(("kw" if name in ("while", "if", "else", "print", "def", "return") else "name", name))
        else:
            out.append(("op", op))
        pos = m.end()
    out.append(("eof", None))
    return out


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def take(self, kind=None, val=None):
        t = self.toks[self.i]
        if (kind and t[0] != kind) or (val is not None and t[1] != val):
            raise SyntaxError(f"expected {kind} {val!r}, got {t}")
        self.i += 1
        return t

    def program(self):
        stmts = []
        while self.peek()[0] != "eof":
            stmts.append(self.stmt())
        return ("block", stmts)

    def block(self):
        self.take("op", "{")
        stmts = []
        while self.peek() != ("op", "}"):
            stmts.append(self.stmt())
        self.take("op", "}")
        return ("block", stmts)

    def stmt(self):
        t = self.peek()
        if t == ("kw", "while"):
            self.take()
            cond = self.expr()
            return ("while", cond, self.block())
        if t == ("kw", "if"):
            self.take()
            cond = self.expr()
            body = self.block()
            other = None
            if self.peek() == ("kw", "else"):
                self.take()
                other = self.block()
            return ("if", cond, body, other)
        if t == ("kw", "print"):
            self.take()
            e = self.expr()
            self.take("op", ";")
            return ("print", e)
        if t == ("kw", "def"):
            self.take()
            name = self.take("name")[1]
            self.take("op", "(")
            params = []
            while self.peek() != ("op", ")"):
                params.append(self.take("name")[1])
                if self.peek() == ("op", ","):
                    self.take()
            self.take("op", ")")
            return ("def", name, params, self.block())
        if t == ("kw", "return"):
            self.take()
            e = self.expr()
            self.take("op", ";")
            return ("return", e)
        if t[0] == "name" and self.toks[self.i + 1] == ("op", "="):
            name = self.take()[1]
            self.take()
            e = self.expr()
            self.take("op", ";")
            return ("assign", name, e)
        e = self.expr()
        self.take("op", ";")
        return ("expr", e)

    def expr(self):
        return self.binary(0)

    LEVELS = [("==", "!=", "<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in self.LEVELS[level]:
            op = self.take()[1]
            left = ("bin", op, left, self.binary(level + 1))
        return left

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()

    def atom(self):
        t = self.take()
        if t[0] == "num":
            return ("num", t[1])
        if t[0] == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = []
                while self.peek() != ("op", ")"):
                    args.append(self.expr())
                    if self.peek() == ("op", ","):
                        self.take()
                self.take("op", ")")
                return ("call", t[1], args)
            return ("var", t[1])
        if t == ("op", "("):
            e = self.expr()
            self.take("op", ")")
            return e
        raise SyntaxError(f"unexpected {t}")


OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b, "%": lambda a, b: a % b, "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b), "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
}


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class TreeWalker:
    def __init__(self):
        self.funcs = {}
        self.output = []

    def run(self, node, env):
        kind = node[0]
        if kind == "block":
            for s in node[1]:
                self.run(s, env)
        elif kind == "assign":
            env[node[1]] = self.eval(node[2], env)
        elif kind == "print":
            self.output.append(self.eval(node[1], env))
        elif kind == "while":
            while self.eval(node[1], env):
                self.run(node[2], env)
        elif kind == "if":
            if self.eval(node[1], env):
                self.run(node[2], env)
            elif node[3]:
                self.run(node[3], env)
        elif kind == "def":
            self.funcs[node[1]] = (node[2], node[3])
        elif kind == "return":
            raise ReturnSignal(self.eval(node[1], env))
        elif kind == "expr":
            self.eval(node[1], env)

    def eval(self, node, env):
        kind = node[0]
        if kind == "num":
            return node[1]
        if kind == "var":
            return env[node[1]]
        if kind == "bin":
            return OPS[node[1]](self.eval(node[2], env), self.eval(node[3], env))
        if kind == "neg":
            return -self.eval(node[1], env)
        if kind == "call":
            params, body = self.funcs[node[1]]
            local = dict(zip(params, [self.eval(a, env) for a in node[2]]))
            try:
                self.run(body, local)
            except ReturnSignal as r:
                return r.value
            return 0
        raise RuntimeError(kind)


class Compiler:
    def __init__(self):
        self.code = []
        self.funcs = {}

    def emit(self, *ins):
        self.code.append(ins)
        return len(self.code) - 1

    def stmt(self, node):
        k = node[0]
        if k == "block":
            for s in node[1]:
                self.stmt(s)
        elif k == "assign":
            self.expr(node[2])
            self.emit("store", node[1])
        elif k == "print":
            self.expr(node[1])
            self.emit("print")
        elif k == "expr":
            self.expr(node[1])
            self.emit("pop")
        elif k == "while":
            top = len(self.code)
            self.expr(node[1])
            j = self.emit("jz", None)
            self.stmt(node[2])
            self.emit("jmp", top)
            self.code[j] = ("jz", len(self.code))
        elif k == "if":
            self.expr(node[1])
            j = self.emit("jz", None)
            self.stmt(node[2])
            if node[3]:
                j2 = self.emit("jmp", None)
                self.code[j] = ("jz", len(self.code))
                self.stmt(node[3])
                self.code[j2] = ("jmp", len(self.code))
            else:
                self.code[j] = ("jz", len(self.code))
        elif k == "def":
            skip = self.emit("jmp", None)
            self.funcs[node[1]] = (len(self.code), node[2])
            self.stmt(node[3])
            self.emit("const", 0)
            self.emit("ret")
            self.code[skip] = ("jmp", len(self.code))
        elif k == "return":
            self.expr(node[1])
            self.emit("ret")

    def expr(self, node):
        k = node[0]
        if k == "num":
            self.emit("const", node[1])
        elif k == "var":
            self.emit("load", node[1])
        elif k == "neg":
            self.emit("const", 0)
            self.expr(node[1])
            self.emit("bin", "-")
        elif k == "bin":
            self.expr(node[2])
            self.expr(node[3])
            self.emit("bin", node[1])
        elif k == "call":
            for a in node[2]:
                self.expr(a)
            self.emit("call", node[1], len(node[2]))


def vm(code, funcs):
    stack = []
    frames = [({}, None)]
    out = []
    pc = 0
    steps = 0
    while pc < len(code):
        steps += 1
        op = code[pc]
        name = op[0]
        pc += 1
        if name == "const":
            stack.append(op[1])
        elif name == "load":
            stack.append(frames[-1][0][op[1]])
        elif name == "store":
            frames[-1][0][op[1]] = stack.pop()
        elif name == "bin":
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[op[1]](a, b))
        elif name == "jz":
            if not stack.pop():
                pc = op[1]
        elif name == "jmp":
            pc = op[1]
        elif name == "print":
            out.append(stack.pop())
        elif name == "pop":
            stack.pop()
        elif name == "call":
            entry, params = funcs[op[1]]
            args = stack[len(stack) - op[2]:]
            del stack[len(stack) - op[2]:]
            frames.append((dict(zip(params, args)), pc))
            pc = entry
        elif name == "ret":
            _, ret_pc = frames.pop()
            pc = ret_pc
    return out, steps


PROGRAM = """
def fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
def gcd(a, b) { while b != 0 { t = b; b = a % b; a = t; } return a; }
i = 0; total = 0;
while i < 200 {
  if i % 3 == 0 { total = total + i * i; } else { total = total - i; }
  i = i + 1;
}
print total;
print fib(15);
print gcd(1071, 462);
x = 1; n = 0;
while n < 30 { x = x * 3 % 1000003; n = n + 1; }
print x;
print -(7 - 10) * 2 / 3;
primes = 0; k = 2;
while k < 300 {
  d = 2; p = 1;
  while d * d <= k { if k % d == 0 { p = 0; } d = d + 1; }
  primes = primes + p; k = k + 1;
}
print primes;
"""


def main():
    toks = tokenize(PROGRAM)
    print("tokens", len(toks), toks[:6])
    ast = Parser(toks).program()
    print("stmts", len(ast[1]))
    tw = TreeWalker()
    tw.run(ast, {})
    print("tree-walker", tw.output)
    c = Compiler()
    c.stmt(ast)
    print("bytecode", len(c.code), c.code[:5])
    out, steps = vm(c.code, c.funcs)
    print("vm", out, steps)
    print("agree", out == tw.output)
    for bad in ["x = ;", "print 1", "y = 3 $ 4;", "if 1 { print 2;"]:
        try:
            Parser(tokenize(bad)).program()
        except SyntaxError as e:
            print("SyntaxError", e)
    try:
        TreeWalker().run(Parser(tokenize("print q;")).program(), {})
    except KeyError as e:
        print("KeyError", e)


main()
