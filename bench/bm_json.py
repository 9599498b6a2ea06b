"""JSON: an encoder and a decoder written in pure Python.

The encoder walks dicts, lists, strings (with escaping), ints, floats,
booleans and None; the decoder is a hand-written recursive-descent parser
scanning characters.  A generated document is encoded, decoded and checked
to round-trip.  Checksum: the encoded length and a digest of the text.
"""

import harness

DEFAULT_SIZE = 3500
QUICK_SIZE = 350

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
           "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f",
             "n": "\n", "r": "\r", "t": "\t"}


class Encoder:
    def encode(self, value):
        out = []
        self.write(value, out)
        return "".join(out)

    def write(self, value, out):
        if value is None:
            out.append("null")
        elif value is True:
            out.append("true")
        elif value is False:
            out.append("false")
        elif isinstance(value, str):
            self.write_string(value, out)
        elif isinstance(value, int):
            out.append(str(value))
        elif isinstance(value, float):
            out.append(repr(value))
        elif isinstance(value, dict):
            self.write_object(value, out)
        elif isinstance(value, (list, tuple)):
            self.write_array(value, out)
        else:
            raise TypeError("cannot encode %r" % type(value).__name__)

    def write_string(self, text, out):
        chars = ['"']
        for ch in text:
            if ch in ESCAPES:
                chars.append(ESCAPES[ch])
            elif ch < " " or ch > "~":
                chars.append("\\u%04x" % ord(ch))
            else:
                chars.append(ch)
        chars.append('"')
        out.append("".join(chars))

    def write_object(self, obj, out):
        out.append("{")
        first = True
        for key, item in obj.items():
            if not first:
                out.append(", ")
            first = False
            self.write_string(key, out)
            out.append(": ")
            self.write(item, out)
        out.append("}")

    def write_array(self, items, out):
        out.append("[")
        for i, item in enumerate(items):
            if i:
                out.append(", ")
            self.write(item, out)
        out.append("]")


class DecodeError(ValueError):
    pass


class Decoder:
    def decode(self, text):
        self.text = text
        self.pos = 0
        value = self.value()
        self.skip_space()
        if self.pos != len(text):
            raise DecodeError("trailing data at %d" % self.pos)
        return value

    def skip_space(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_space()
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        for word, result in (("null", None), ("true", True), ("false", False)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        return self.number()

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.skip_space()
            self.expect(":")
            result[key] = self.value()
            self.skip_space()
            if self.text[self.pos] == "}":
                self.pos += 1
                return result
            self.expect(",")

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            if self.text[self.pos] == "]":
                self.pos += 1
                return result
            self.expect(",")

    def expect(self, ch):
        if self.text[self.pos] != ch:
            raise DecodeError("expected %r at %d" % (ch, self.pos))
        self.pos += 1

    def string(self):
        self.expect('"')
        chars = []
        text = self.text
        while True:
            ch = text[self.pos]
            self.pos += 1
            if ch == '"':
                return "".join(chars)
            if ch == "\\":
                esc = text[self.pos]
                self.pos += 1
                if esc == "u":
                    chars.append(chr(int(text[self.pos:self.pos + 4], 16)))
                    self.pos += 4
                else:
                    chars.append(UNESCAPES[esc])
            else:
                chars.append(ch)

    def number(self):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        literal = text[start:self.pos]
        if not literal:
            raise DecodeError("unexpected %r at %d" % (text[start], start))
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)


def make_document(rng, count):
    names = ["Ada", "Grace", "Linus", "Guido", "Barbara", "Ken", "Zoë",
             "Dennis \"dmr\"", "Tab\there", "Line\nbreak", "Åsa"]
    users = []
    for i in range(count):
        users.append({
            "id": i,
            "name": rng.choice(names),
            "active": rng.below(2) == 1,
            "score": rng.below(1000000) / 1000.0,
            "tags": [rng.choice(names)[:3] for _ in range(rng.below(4))],
            "address": {"street": "%d Main St" % rng.below(999),
                        "zip": "%05d" % rng.below(99999),
                        "geo": [rng.random() * 180 - 90, -1.5e-7 * i]},
            "manager": None if i % 7 else i // 7,
        })
    return {"version": 3, "users": users, "empty": {}, "nothing": []}


def run(size):
    rng = harness.Lcg(2024)
    document = make_document(rng, size)
    encoder, decoder = Encoder(), Decoder()
    text = ""
    for _ in range(3):
        text = encoder.encode(document)
        decoded = decoder.decode(text)
        if decoded != document:
            raise AssertionError("round trip failed")
    return "%d %s" % (len(text), harness.digest(text))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
