"""Jinja2: compile and render templates with inheritance, macros and filters.

Uses Debian's python3-jinja2 as a web application would: a base layout, a
child template with blocks, an imported macro library, loops with
``loop`` variables, filters and autoescaping.  Each iteration builds the
environment (so template compilation is measured too) and renders many
pages.  Checksum: a digest of the rendered pages.
"""

import harness

DEFAULT_SIZE = 2000
QUICK_SIZE = 200

TEMPLATES = {
    "base.html": """<!doctype html>
<html><head><title>{% block title %}Site{% endblock %}</title></head>
<body><nav>{% for link in nav %}<a href="{{ link.url }}">{{ link.label }}</a>
{% endfor %}</nav>
<main>{% block content %}{% endblock %}</main>
<footer>{{ footer|default("no footer") }}</footer></body></html>""",
    "macros.html": """{% macro render_row(row, odd) -%}
<tr class="{{ 'odd' if odd else 'even' }}">{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{%- endmacro %}
{% macro badge(text, level=1) %}<span class="b{{ level }}">{{ text|upper }}</span>{% endmacro %}""",
    "page.html": """{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ page.title|title }} - {{ super() }}{% endblock %}
{% block content %}
<h1>{{ page.title|e }} {{ m.badge(page.status, page.level) }}</h1>
{% if page.intro %}<p>{{ page.intro|truncate(60) }}</p>{% endif %}
<table>{% for row in page.rows %}{{ m.render_row(row, loop.index is odd) }}{% endfor %}</table>
<ul>{% for user in page.users|sort(attribute="name") %}
<li>{{ loop.index }}. {{ user.name }} ({{ user.karma|default(0) }} points){% if not loop.last %},{% endif %}</li>
{% else %}<li>nobody</li>{% endfor %}</ul>
<p>Total karma: {{ page.users|sum(attribute="karma") }}; tags: {{ page.tags|join(", ") }}</p>
{% endblock %}""",
}


def make_page(rng, n):
    names = ["ana", "<bob>", "chen", "dara & co", "eli", "fatima", "gus"]
    return {
        "title": "report number %d" % n,
        "status": ["draft", "live", "archived"][n % 3],
        "level": 1 + n % 4,
        "intro": "This page describes item %d in considerable detail, " % n * 3,
        "rows": [[rng.below(1000) for _ in range(5)] for _ in range(8)],
        "users": [{"name": rng.choice(names), "karma": rng.below(500)}
                  for _ in range(rng.below(10))],
        "tags": ["t%d" % rng.below(50) for _ in range(4)],
    }


def run(size):
    import jinja2
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES),
                             autoescape=True)
    template = env.get_template("page.html")
    rng = harness.Lcg(77)
    nav = [{"url": "/s/%d" % i, "label": "Section %d" % i} for i in range(6)]
    total = 0
    tails = []
    for n in range(size):
        html = template.render(page=make_page(rng, n), nav=nav,
                               footer="(c) 2024" if n % 2 else None)
        total += len(html)
        tails.append(html[-300:])
    return "%d %s" % (total, harness.digest("".join(tails)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
