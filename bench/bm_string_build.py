"""String building: the everyday ways Python programs assemble text.

Builds CSV rows, fixed-width reports, f-string and %-formatted lines, a
word-wrapped paragraph and an escaped HTML table; uses str methods (split,
strip, replace, join, center, zfill) and += concatenation.
Checksum: lengths and a digest of the text produced.
"""

import harness

DEFAULT_SIZE = 80000
QUICK_SIZE = 8000

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_records(count):
    rng = harness.Lcg(99)
    records = []
    for i in range(count):
        name = " ".join(rng.choice(WORDS) for _ in range(1 + rng.below(3)))
        records.append((i, name, rng.below(100000) / 100.0, rng.below(50)))
    return records


def csv_text(records):
    lines = ["id,name,price,qty"]
    for rid, name, price, qty in records:
        lines.append(",".join((str(rid), '"%s"' % name, "%.2f" % price,
                               str(qty))))
    return "\n".join(lines)


def report_text(records):
    """Fixed-width lines built with +=, in pages of 50 lines.

    (Pages keep the cost linear: += on a long str is quadratic on
    interpreters without CPython's in-place resize, such as pypy3.)
    """
    pages = ["REPORT".center(60, "=") + "\n"]
    for start in range(0, len(records), 50):
        out = ""
        for rid, name, price, qty in records[start:start + 50]:
            out += f"{rid:>6} {name.title():<30.30} {price:>10.2f} {qty:3d}\n"
        pages.append(out)
    pages.append("=" * 60 + "\n")
    return "".join(pages)


def parse_csv(text):
    total = 0.0
    names = []
    for line in text.splitlines()[1:]:
        rid, name, price, qty = line.split(",")
        names.append(name.strip('"').upper())
        total += float(price) * int(qty)
    return round(total, 2), names


def wrap(words, width):
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    lines.append(line)
    return "\n".join(lines)


def html_table(records):
    rows = []
    for rid, name, price, qty in records:
        cells = (str(rid).zfill(6), name.replace(" ", "&nbsp;"),
                 "%08.2f" % price, "%s" % ("*" * (qty // 10)))
        rows.append("<tr>" + "".join("<td>%s</td>" % c for c in cells)
                    + "</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def run(size):
    records = make_records(size)
    csv = csv_text(records)
    report = report_text(records)
    total, names = parse_csv(csv)
    para = wrap(" ".join(names).lower().split(), 72)
    table = html_table(records)
    text = "".join((csv, report, para, table))
    return "%d %.2f %s" % (len(text), total, harness.digest(text))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
