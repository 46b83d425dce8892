def m(x):
    match x:
        case {"type": "point", "x": x0, "y": y0}:
            return f"point {x0},{y0}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"other type {t}"
        case {}:
            return "some mapping"
    return "not a mapping"

print(m({"type": "point", "x": 1, "y": 2}))
print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "circle", "r": 5, "color": "red", "fill": True}))
print(m({"type": "square"}))
print(m({"other": 1}))
print(m({}))
print(m([("type", "point")]))
class Const:
    KEY = "k"
def keyed(x):
    match x:
        case {Const.KEY: v}:
            return f"value pattern key -> {v}"
        case {1: one, 2.5: f, None: n, "t": t}:
            return (one, f, n, t)
    return None
print(keyed({"k": 9}))
print(keyed({1: "a", 2.5: "b", None: "c", "t": "d"}))
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
print(m(dd), "missing" in dd, dict(dd))
def lookup_uses_get(x):
    match x:
        case {"missing": _}:
            return "has missing"
        case _:
            return "no missing key"
print(lookup_uses_get(dd), dict(dd))
print(m(OrderedDict(type="point", x=0, y=0)))
def rest_only(x):
    match x:
        case {"a": 1, **others}:
            return others
print(rest_only({"a": 1, "b": 2, "c": 3}), rest_only({"a": 2}))
