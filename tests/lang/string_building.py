"""String building patterns: += in loops (in-place concat fast path), join, io.StringIO, str * n, textwrap, templates, repr/escape round trips."""
import io
import string
import textwrap


def concat_loop(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if i % 100 == 99:
            s += "\n"
    return s


def concat_alias(n):
    s = "start"
    alias = s
    for i in range(n):
        s += "."
    return alias, len(s)


def concat_in_list(n):
    parts = ["", ""]
    for i in range(n):
        parts[i % 2] += str(i % 10)
    return [len(p) for p in parts], parts[0][:20]


class Holder:
    def __init__(self):
        self.text = ""


def concat_attr(n):
    h = Holder()
    for i in range(n):
        h.text += "ab"[i % 2]
    return h.text[-10:], len(h.text)


def join_build(n):
    return ",".join(str(i * i) for i in range(n))


def stringio_build(n):
    buf = io.StringIO()
    for i in range(n):
        buf.write(f"{i:04d}|")
        if i % 10 == 9:
            print(file=buf)
    val = buf.getvalue()
    buf.seek(0)
    first = buf.readline()
    return len(val), first, val.count("\n")


def table(rows):
    widths = [max(len(str(r[c])) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for r in rows:
        lines.append(" | ".join(str(v).ljust(w) if isinstance(v, str) else str(v).rjust(w) for v, w in zip(r, widths)))
    sep = "-+-".join("-" * w for w in widths)
    lines.insert(1, sep)
    return "\n".join(lines)


def escapes():
    samples = ["plain", "tab\t", "nl\n", "quote'", 'dq"', "both'\"", "back\\slash", "\x00\x1f\x7f", "é", "\u2028",
               "\U0001F600", "\ud800"]
    out = []
    for s in samples:
        r = repr(s)
        out.append((r, eval(r) == s, ascii(s), s.encode("unicode_escape"), len(s)))
    return out


def main():
    s = None
    for _ in range(20):
        s = concat_loop(1000)
    print(len(s), s[:30], s.count("\n"), hash(s) == hash(concat_loop(1000)))
    print(concat_alias(500), concat_in_list(501), concat_attr(777))
    j = join_build(300)
    print(len(j), j[:40], j[-20:])
    print(stringio_build(105))
    print(table([("name", "qty", "price"), ("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 3.0)]))
    print("-" * 20 + "=" * 3, "ab" * 0, "x" * -2, [""] * 2)
    tpl = string.Template("$who likes ${what}s; $$5")
    print(tpl.substitute(who="tim", what="kiwi"), tpl.safe_substitute(who="ann"))
    try:
        tpl.substitute(who="x")
    except KeyError as e:
        print("KeyError", e)
    text = "The quick brown fox jumps over the lazy dog. " * 4
    print(textwrap.fill(text, width=30))
    print(textwrap.shorten(text, width=40, placeholder=" [...]"))
    print(repr(textwrap.dedent("""\
        indented
          more
        back""")))
    print(textwrap.indent("a\nb\n\nc", "> "))
    for row in escapes():
        print(row)
    print(string.capwords("hello   big world"), string.ascii_letters[20:30], string.digits, string.punctuation[:10])
    words = []
    for i in range(300):
        w = "w" + str(i % 13)
        words.append(w.upper() if i % 7 == 0 else w)
    print(" ".join(words)[:80], len(" ".join(words)))


main()
