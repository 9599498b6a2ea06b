"""Attribute loads from instances whose attributes live in a real dict
(the dict was materialized, keys deleted and re-added in another order,
__dict__ replaced by another dict or a dict subclass, a large table):
whatever an attribute cache remembers about the dict must not outlive a
change to it."""


class Obj:
    pass


class Sub(dict):
    pass


def make(i):
    o = Obj()
    o.__dict__  # materialize: a real dict from here on
    for k in range(i % 5):
        setattr(o, "extra%d" % k, k)
    o.a = i
    o.b = -i
    return o


def read(objs):
    return [(o.a, o.b) for o in objs]


def churn():
    out = []
    objs = [make(i) for i in range(12)]
    for _ in range(3):
        out.append(read(objs))
    o = objs[3]
    del o.a                      # the entry is gone
    try:
        out.append(o.a)
    except AttributeError as e:
        out.append(str(e))
    o.a = "back"                 # re-added at another position
    out.append(read(objs[:5]))
    o.__dict__ = {"b": 1, "a": 2}  # a new dict, other positions
    out.append(read(objs[:5]))
    o.__dict__ = Sub(a="sub", b="dict")  # a dict subclass: the generic path
    out.append(read(objs[:5]))
    for k in range(100):         # a large table (the hint is not learned)
        setattr(objs[4], "k%d" % k, k)
    out.append(read(objs[:6]))
    d = objs[5].__dict__
    d.clear()
    d.update({"b": "x", "a": "y"})
    out.append(read(objs[5:7]))
    objs[6].__dict__.pop("a")
    try:
        out.append(read(objs[6:7]))
    except AttributeError as e:
        out.append(str(e))
    return out


for _ in range(3):
    print(churn())


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Lazy:
    def __init__(self):
        self.known = 1

    def __getattr__(self, name):
        return "getattr:" + name


def read_points(points):
    return [(p.x, p.y) for p in points]


def more():
    out = []
    split = [Point(i, -i) for i in range(4)]
    for p in split:
        vars(p)                       # materialized, still sharing the class's keys
    out.append(read_points(split) * 2)
    del split[1].x                    # a hole in the split values
    try:
        read_points(split)
    except AttributeError as e:
        out.append(str(e))
    split[1].__dict__["".join(["x"])] = "equal, not identical"  # a key made at run time
    out.append(read_points(split))
    combined = [Point(i, i) for i in range(4)]
    for i, p in enumerate(combined):
        p.__dict__["extra"] = i       # not among the shared keys: combined
        if i % 2:
            del p.x
            p.x = "moved"             # now after 'extra'
    out.append(read_points(combined) * 2)
    extras = [p.extra for p in combined] + [p.extra for p in combined]
    out.append(extras)
    lazy = [Lazy(), Lazy()]
    vars(lazy[0])
    out.append([(o.known, o.nothing) for o in lazy] * 2)
    return out


print(more())


class PQ:
    def __init__(self):
        self.p = "pq.p"
        self.q = "pq.q"


class QP:
    def __init__(self):
        self.q = "qp.q"
        self.p = "qp.p"


def read_pq(objs):
    return [(o.p, o.q) for o in objs]


def foreign_split_dict():
    a, b = PQ(), QP()
    vars(a)
    out = [read_pq([a, a])]
    a.__dict__ = vars(b)   # another class's split dict: other key positions
    out.append(read_pq([a, a]))
    return out


print(foreign_split_dict())
