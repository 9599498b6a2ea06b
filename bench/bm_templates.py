"""Template rendering: a small template engine written in pure Python.

Templates with ``{{ expr|filter }}`` substitutions, ``{% for %}`` and
``{% if %}`` blocks are tokenized with a regex, parsed into a node tree and
rendered against nested data (a product catalogue) many times.
Checksum: a digest of the rendered pages.
"""

import re

import harness

DEFAULT_SIZE = 900
QUICK_SIZE = 90

TOKEN_RE = re.compile(r"({{.*?}}|{%.*?%})", re.S)

FILTERS = {
    "upper": lambda v: str(v).upper(),
    "title": lambda v: str(v).title(),
    "escape": lambda v: (str(v).replace("&", "&amp;").replace("<", "&lt;")
                         .replace(">", "&gt;")),
    "money": lambda v: "%d.%02d" % divmod(int(v), 100),
    "length": lambda v: len(v),
}

PAGE = """<html><head><title>{{ shop.name|escape }}</title></head>
<body><h1>{{ shop.name|upper }}</h1>
{% for category in categories %}<section id="{{ category.slug }}">
<h2>{{ category.name|title }} ({{ category.items|length }} items)</h2>
<ul>{% for item in category.items %}
  <li class="{% if item.sale %}sale{% else %}regular{% endif %}">
    {{ item.name|escape }}: ${{ item.cents|money }}
    {% if item.tags %}<span>{% for tag in item.tags %}#{{ tag }} {% endfor %}</span>{% endif %}
  </li>{% endfor %}
</ul></section>
{% endfor %}<footer>{{ shop.footer|escape }}</footer></body></html>
"""


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Expr:
    def __init__(self, source):
        parts = [p.strip() for p in source.split("|")]
        self.path = parts[0].split(".")
        self.filters = [FILTERS[name] for name in parts[1:]]

    def render(self, ctx, out):
        value = lookup(ctx, self.path)
        for f in self.filters:
            value = f(value)
        out.append(str(value))


class For:
    def __init__(self, var, path, body):
        self.var = var
        self.path = path.split(".")
        self.body = body

    def render(self, ctx, out):
        for value in lookup(ctx, self.path):
            inner = dict(ctx)
            inner[self.var] = value
            for node in self.body:
                node.render(inner, out)


class If:
    def __init__(self, path, then, otherwise):
        self.path = path.split(".")
        self.then = then
        self.otherwise = otherwise

    def render(self, ctx, out):
        branch = self.then if lookup(ctx, self.path) else self.otherwise
        for node in branch:
            node.render(ctx, out)


def lookup(ctx, path):
    value = ctx[path[0]]
    for name in path[1:]:
        value = value[name] if isinstance(value, dict) else getattr(value, name)
    return value


def parse(tokens, pos, stop):
    """Parse tokens from ``pos`` until a tag in ``stop``; return nodes, pos."""
    nodes = []
    while pos < len(tokens):
        tok = tokens[pos]
        pos += 1
        if tok.startswith("{{"):
            nodes.append(Expr(tok[2:-2]))
        elif tok.startswith("{%"):
            words = tok[2:-2].split()
            if words[0] in stop:
                return nodes, pos, words[0]
            if words[0] == "for":
                body, pos, _ = parse(tokens, pos, ("endfor",))
                nodes.append(For(words[1], words[3], body))
            elif words[0] == "if":
                then, pos, end = parse(tokens, pos, ("else", "endif"))
                otherwise = []
                if end == "else":
                    otherwise, pos, _ = parse(tokens, pos, ("endif",))
                nodes.append(If(words[1], then, otherwise))
            else:
                raise SyntaxError("unknown tag %r" % words[0])
        elif tok:
            nodes.append(Text(tok))
    return nodes, pos, None


def compile_template(source):
    nodes, _, _ = parse(TOKEN_RE.split(source), 0, ())
    return nodes


def render(template, ctx):
    out = []
    for node in template:
        node.render(ctx, out)
    return "".join(out)


def make_catalogue(seed):
    rng = harness.Lcg(seed)
    words = ["widget", "gadget", "gizmo", "doohickey", "sprocket", "flange",
             "<deluxe>", "mini", "turbo", "eco & co"]
    categories = []
    for c in range(8):
        items = []
        for i in range(12):
            name = "%s %s %d" % (rng.choice(words), rng.choice(words), i)
            tags = [rng.choice(words) for _ in range(rng.below(3))]
            items.append({"name": name, "cents": 99 + rng.below(100000),
                          "sale": rng.below(4) == 0, "tags": tags})
        categories.append({"name": "category %s" % rng.choice(words),
                           "slug": "cat-%d" % c, "items": items})
    shop = {"name": "Shop #%d <best>" % seed, "footer": "(c) Shop & sons"}
    return {"shop": shop, "categories": categories}


def run(size):
    template = compile_template(PAGE)
    total = 0
    pages = []
    for seed in range(size):
        html = render(template, make_catalogue(seed))
        total += len(html)
        pages.append(html[-200:])
    return "%d %s" % (total, harness.digest("".join(pages)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
