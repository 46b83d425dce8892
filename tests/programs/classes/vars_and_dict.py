class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = [2]
c = C()
print(vars(c), c.__dict__ is vars(c))
c.__dict__["c"] = 3
print(c.c, vars(c))
vars(c)["d"] = 4
print(c.d)
del c.__dict__["a"]
print(hasattr(c, "a"), list(vars(c)))
c.__dict__ = {"replaced": True}
print(c.replaced, vars(c))
try:
    c.__dict__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
print(type(vars(C)).__name__, "cls_attr" in vars(C))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(c, c)
except TypeError as e:
    print(type(e).__name__, e)
import types
ns = types.SimpleNamespace(x=1, y=2)
print(vars(ns), ns)
class Order:
    def __init__(self):
        self.z = 1
        self.a = 2
        self.m = 3
o = Order()
print(list(o.__dict__), [k for k in dir(o) if not k.startswith("_")])
o.a = 20
del o.z
o.z = 10
print(o.__dict__)
print(sorted(set(dir(C)) - set(dir(object))))
print(getattr(c, "missing", None), getattr(C, "cls_attr"))
setattr(c, "dyn", 5)
print(c.dyn, hasattr(c, "dyn"))
setattr(c, "not an identifier", 6)
print(getattr(c, "not an identifier"), c.__dict__["not an identifier"])
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(c.__dict__.get("__class__"), c.__class__.__name__)
