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
