"""Mako: compile and render templates with inheritance, defs and filters.

Uses Debian's python3-mako: a base template with ``next.body()``, a child
that inherits it, ``<%def>`` helpers, control lines, expression filters and
embedded Python blocks.  Each iteration builds a TemplateLookup (so
compilation is measured) and renders many pages.
Checksum: a digest of the rendered pages.
"""

import harness

DEFAULT_SIZE = 5000
QUICK_SIZE = 500

BASE = """<html><head><title>${self.title()}</title></head>
<body>
${next.body()}
<footer>rendered for ${user | h}</footer>
</body></html>
<%def name="title()">Base</%def>
"""

PAGE = """<%inherit file="base.html"/>
<%def name="title()">Orders of ${customer['name'] | h}</%def>
<%def name="money(cents)">${'%d.%02d' % divmod(cents, 100)}</%def>
<%
    total = sum(o['cents'] * o['qty'] for o in orders)
%>
<h1>${customer['name'] | h} (${len(orders)} orders)</h1>
<table>
% for i, order in enumerate(orders):
  <tr class="${'odd' if i % 2 else 'even'}">
    <td>${order['id']}</td><td>${order['item'] | h}</td>
    <td>${order['qty']}</td><td>${money(order['cents'])}</td>
  % if order['qty'] > 5:
    <td class="bulk">bulk</td>
  % else:
    <td></td>
  % endif
  </tr>
% endfor
</table>
<p>Total: ${money(total)}</p>
"""

ITEMS = ["chair", "desk <oak>", "lamp", "rug & mat", "shelf", "sofa"]


def make_orders(rng, count):
    return [{"id": 1000 + i, "item": rng.choice(ITEMS), "qty": 1 + rng.below(9),
             "cents": 500 + rng.below(50000)} for i in range(count)]


def run(size):
    from mako.lookup import TemplateLookup
    from mako.template import Template
    lookup = TemplateLookup()
    lookup.put_template("base.html", Template(BASE, lookup=lookup))
    lookup.put_template("page.html", Template(PAGE, lookup=lookup))
    template = lookup.get_template("page.html")
    rng = harness.Lcg(55)
    total = 0
    tails = []
    for n in range(size):
        html = template.render(customer={"name": "Customer <%d>" % n},
                               orders=make_orders(rng, 5 + n % 20),
                               user="user%d" % n)
        total += len(html)
        tails.append(html[-200:])
    return "%d %s" % (total, harness.digest("".join(tails)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
