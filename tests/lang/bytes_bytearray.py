"""bytes, bytearray and memoryview: indexing, slicing, mutation, methods, formatting, struct, errors."""
import struct


def checksum(data):
    h = 0
    for b in data:
        h = (h * 31 + b) & 0xFFFFFFFF
    return h


def build(n):
    ba = bytearray()
    for i in range(n):
        ba.append(i & 0xFF)
        if i % 7 == 0:
            ba.extend(b"xy")
        if i % 11 == 0:
            ba += bytes([i % 256, (i * 3) % 256])
        if i % 13 == 0 and len(ba) > 4:
            del ba[2]
        if i % 17 == 0:
            ba[0] = (ba[0] + i) & 0xFF
    return ba


def slicing(b):
    return [b[0], b[-1], b[1:4], b[::-2], b[5:2:-1], b[100:], b[:0], b[-3:], bytes(b[::3])[:6]]


def mutate():
    ba = bytearray(b"hello world")
    ba[0:5] = b"HELLO!!"
    ba[-5:] = bytearray(b"W")
    ba.insert(0, 62)
    ba.reverse()
    x = ba.pop()
    ba.remove(ord("!"))
    ba[1:3] = b""
    ba[::2] = bytes(len(ba[::2]))
    mv = memoryview(ba)
    mv[0] = 65
    mv2 = mv[1:4]
    mv2[:] = b"abc"
    r = [bytes(ba), x, mv.nbytes, mv.readonly, mv2.tobytes(), mv[::2].tolist(), bytes(mv[-2:])]
    mv2.release()
    mv.release()
    ba.extend(range(3))
    r.append(ba)
    try:
        ba.append(256)
    except ValueError as e:
        r.append(f"ValueError: {e}")
    try:
        bytes(b"x")[0] = 1
    except TypeError as e:
        r.append(f"TypeError: {e}")
    m = memoryview(b"abcdef")
    try:
        m[0] = 1
    except TypeError as e:
        r.append(f"TypeError: {e}")
    return r


def methods(b):
    return [b.upper(), b.split(b","), b.split(), b.strip(b" ,"), b.replace(b"a", b"AA"), b.find(b"c"),
            b.count(b","), b.startswith(b"a"), b.hex(), b.hex(":", 2), bytes.fromhex("de ad be ef"),
            b.decode("latin-1"), b.center(20, b"-"), b.isalpha(), b.title(), b.partition(b","),
            b.join([b"1", b"2"]), b.zfill(12), b.translate(bytes.maketrans(b"abc", b"xyz")),
            b.translate(None, b", "), b"%s-%d-%x-%r-%b" % (b"s", 5, 255, "q", b"bb"), b * 2 + b"!",
            b.rjust(15, b"."), b.expandtabs(), b.splitlines(), b.swapcase(), b.lstrip(b"a"), b.isascii()]


def struct_stuff():
    packed = struct.pack("<iHbq?d3s", -5, 65535, -128, 2 ** 60, True, 1.5, b"abc")
    out = [packed, len(packed), struct.calcsize(">iHbq?d3s"), struct.unpack("<iHbq?d3s", packed)]
    out.append(list(struct.iter_unpack("<h", b"\x01\x00\xff\xff\x00\x80")))
    out.append(struct.pack(">f", 0.1))
    try:
        struct.pack("b", 200)
    except struct.error as e:
        out.append(f"struct.error: {e}")
    return out


def main():
    total = 0
    for n in range(0, 400, 3):
        ba = build(n)
        total = (total * 7 + checksum(ba) + len(ba)) % 1000000007
    print("build checksum", total)
    ba = build(40)
    print(ba)
    print(bytes(ba).hex())
    s = 0
    for i in range(500):
        b = bytes(range(i % 50, i % 50 + 20))
        r = slicing(b)
        s += r[0] + r[1] + len(r[2]) + sum(r[3]) + sum(r[4])
    print("slicing", s, slicing(b"abcdefghij"))
    for x in mutate():
        print(repr(x))
    for x in methods(b"abc, def,ghi a\tb"):
        print(repr(x))
    for x in struct_stuff():
        print(repr(x))
    print([bytes(3), bytes([1, 2]), bytes("é", "utf-8"), bytearray(2), b"a" in b"cab", 98 in b"abc",
           b"\x00" < b"\x01", b"ab" < b"abc", bytes(reversed(b"abc")), list(b"hi"), b"abc"[1:2] == b"b",
           bytearray(b"x") == b"x", hash(b"abc") == hash(bytes(bytearray(b"abc"))), int.from_bytes(b"\x01\x02", "big")])
    for bad in [lambda: b"a" + "b", lambda: bytes([300]), lambda: bytes("x"), lambda: b"abc"[10],
                lambda: bytes.fromhex("zz"), lambda: hash(bytearray(b"x")), lambda: b"%d" % b"x"]:
        try:
            print(bad())
        except Exception as e:
            print(f"{type(e).__name__}: {e}")


main()
