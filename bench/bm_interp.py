"""A small bytecode interpreter written in Python.

A tiny expression-and-statement language is tokenized, parsed into an AST,
compiled to stack bytecode and executed by a dispatch loop with frames,
locals and calls.  The programs compute primes, Collatz lengths and
recursive Fibonacci numbers.  Checksum: the programs' printed output.
"""

import re

import harness

DEFAULT_SIZE = 24
QUICK_SIZE = 6

SOURCE = """
func is_prime(n) {
    if (n < 2) { return 0; }
    d = 2;
    while (d * d <= n) {
        if (n % d == 0) { return 0; }
        d = d + 1;
    }
    return 1;
}
func collatz(n) {
    steps = 0;
    while (n != 1) {
        if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
        steps = steps + 1;
    }
    return steps;
}
func fib(n) {
    if (n < 2) { return n; }
    return fib(n - 1) + fib(n - 2);
}
func main(scale) {
    count = 0; i = 0;
    while (i < 400 * scale) { count = count + is_prime(i); i = i + 1; }
    print(count);
    best = 0; i = 1;
    while (i < 60 * scale) {
        s = collatz(i);
        if (s > best) { best = s; }
        i = i + 1;
    }
    print(best);
    print(fib(10 + scale / 4));
    return 0;
}
"""

TOKEN_RE = re.compile(r"\s*(?:(\d+)|(\w+)|(==|!=|<=|>=|[-+*/%<>=(){};,]))")

BINOPS = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD",
          "<": "LT", ">": "GT", "<=": "LE", ">=": "GE", "==": "EQ",
          "!=": "NE"}
PRECEDENCE = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2,
              "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}


def tokenize(source):
    tokens = []
    pos = 0
    source = source.strip()
    while pos < len(source):
        m = TOKEN_RE.match(source, pos)
        if m is None:
            raise SyntaxError("bad character at %d" % pos)
        number, name, op = m.groups()
        tokens.append(("num", int(number)) if number else
                      ("name", name) if name else ("op", op))
        pos = m.end()
    return tokens


class Parser:
    """Recursive-descent parser producing tuples as AST nodes."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value=None):
        tok = self.tokens[self.pos]
        if value is not None and tok[1] != value:
            raise SyntaxError("expected %r, got %r" % (value, tok[1]))
        self.pos += 1
        return tok[1]

    def program(self):
        funcs = {}
        while self.peek() is not None:
            self.take("func")
            name = self.take()
            self.take("(")
            params = []
            while self.peek()[1] != ")":
                params.append(self.take())
                if self.peek()[1] == ",":
                    self.take(",")
            self.take(")")
            funcs[name] = (params, self.block())
        return funcs

    def block(self):
        self.take("{")
        body = []
        while self.peek()[1] != "}":
            body.append(self.statement())
        self.take("}")
        return body

    def statement(self):
        word = self.peek()[1]
        if word == "if":
            self.take()
            self.take("(")
            cond = self.expression(0)
            self.take(")")
            then = self.block()
            other = []
            if self.peek() is not None and self.peek()[1] == "else":
                self.take()
                other = self.block()
            return ("if", cond, then, other)
        if word == "while":
            self.take()
            self.take("(")
            cond = self.expression(0)
            self.take(")")
            return ("while", cond, self.block())
        if word == "return":
            self.take()
            value = self.expression(0)
            self.take(";")
            return ("return", value)
        if self.tokens[self.pos + 1][1] == "=":
            name = self.take()
            self.take("=")
            value = self.expression(0)
            self.take(";")
            return ("assign", name, value)
        value = self.expression(0)
        self.take(";")
        return ("expr", value)

    def expression(self, min_prec):
        left = self.atom()
        while True:
            tok = self.peek()
            if tok is None or tok[0] != "op" or tok[1] not in PRECEDENCE:
                return left
            prec = PRECEDENCE[tok[1]]
            if prec <= min_prec:
                return left
            self.take()
            left = ("binop", tok[1], left, self.expression(prec))

    def atom(self):
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "num":
            return ("num", value)
        if value == "(":
            inner = self.expression(0)
            self.take(")")
            return inner
        if self.peek() is not None and self.peek()[1] == "(":
            self.take("(")
            args = []
            while self.peek()[1] != ")":
                args.append(self.expression(0))
                if self.peek()[1] == ",":
                    self.take(",")
            self.take(")")
            return ("call", value, args)
        return ("var", value)


class Compiler:
    """Compile one function's AST to a list of (opcode, argument) pairs."""

    def __init__(self, params):
        self.code = []
        self.slots = {name: i for i, name in enumerate(params)}

    def slot(self, name):
        return self.slots.setdefault(name, len(self.slots))

    def emit(self, op, arg=None):
        self.code.append([op, arg])
        return len(self.code) - 1

    def statements(self, body):
        for stmt in body:
            getattr(self, "stmt_" + stmt[0])(stmt)

    def stmt_assign(self, stmt):
        self.expr(stmt[2])
        self.emit("STORE", self.slot(stmt[1]))

    def stmt_expr(self, stmt):
        self.expr(stmt[1])
        self.emit("POP")

    def stmt_return(self, stmt):
        self.expr(stmt[1])
        self.emit("RETURN")

    def stmt_if(self, stmt):
        self.expr(stmt[1])
        jump_else = self.emit("JUMP_IF_FALSE")
        self.statements(stmt[2])
        jump_end = self.emit("JUMP")
        self.code[jump_else][1] = len(self.code)
        self.statements(stmt[3])
        self.code[jump_end][1] = len(self.code)

    def stmt_while(self, stmt):
        top = len(self.code)
        self.expr(stmt[1])
        exit_jump = self.emit("JUMP_IF_FALSE")
        self.statements(stmt[2])
        self.emit("JUMP", top)
        self.code[exit_jump][1] = len(self.code)

    def expr(self, node):
        kind = node[0]
        if kind == "num":
            self.emit("CONST", node[1])
        elif kind == "var":
            self.emit("LOAD", self.slot(node[1]))
        elif kind == "binop":
            self.expr(node[2])
            self.expr(node[3])
            self.emit(BINOPS[node[1]])
        else:
            for arg in node[2]:
                self.expr(arg)
            self.emit("CALL", (node[1], len(node[2])))


class Function:
    def __init__(self, name, params, body):
        compiler = Compiler(params)
        compiler.statements(body)
        compiler.emit("CONST", 0)
        compiler.emit("RETURN")
        self.name = name
        self.code = [tuple(ins) for ins in compiler.code]
        self.nlocals = len(compiler.slots)
        self.nparams = len(params)


class VM:
    def __init__(self, functions):
        self.functions = functions
        self.output = []

    def call(self, name, args):
        if name == "print":
            self.output.append(args[0])
            return 0
        func = self.functions[name]
        return self.execute(func, list(args) + [0] * (func.nlocals - len(args)))

    def execute(self, func, local):
        code = func.code
        stack = []
        pc = 0
        while True:
            op, arg = code[pc]
            pc += 1
            if op == "LOAD":
                stack.append(local[arg])
            elif op == "CONST":
                stack.append(arg)
            elif op == "STORE":
                local[arg] = stack.pop()
            elif op == "JUMP_IF_FALSE":
                if not stack.pop():
                    pc = arg
            elif op == "JUMP":
                pc = arg
            elif op == "CALL":
                name, argc = arg
                args = stack[len(stack) - argc:]
                del stack[len(stack) - argc:]
                stack.append(self.call(name, args))
            elif op == "RETURN":
                return stack.pop()
            elif op == "POP":
                stack.pop()
            else:
                b = stack.pop()
                a = stack.pop()
                stack.append(binary(op, a, b))


def binary(op, a, b):
    if op == "ADD":
        return a + b
    if op == "SUB":
        return a - b
    if op == "MUL":
        return a * b
    if op == "DIV":
        return a // b
    if op == "MOD":
        return a % b
    if op == "LT":
        return int(a < b)
    if op == "GT":
        return int(a > b)
    if op == "LE":
        return int(a <= b)
    if op == "GE":
        return int(a >= b)
    if op == "EQ":
        return int(a == b)
    return int(a != b)


def run(size):
    tree = Parser(tokenize(SOURCE)).program()
    functions = {name: Function(name, params, body)
                 for name, (params, body) in tree.items()}
    vm = VM(functions)
    vm.call("main", [size])
    return " ".join(str(v) for v in vm.output)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
