def init(self, v):
    self.v = v
Point = type("Point", (), {"__init__": init, "kind": "dynamic", "show": lambda self: f"Point({self.v})"})
p = Point(3)
print(p.show(), Point.kind, Point.__name__, Point.__qualname__, Point.__module__)
print(Point.__bases__, type(Point).__name__)
Sub = type("Sub", (Point,), {})
print(Sub(4).show(), Sub.__mro__)
print(type(5), type("s") is str, type(type) is type, type(Point) is type)
Empty = type("Empty", (), {})
print(Empty.__bases__, sorted(k for k in Empty.__dict__ if not k.startswith("__")))
WithDoc = type("WithDoc", (object,), {"__doc__": "dynamic doc", "__module__": "custom.module"})
print(WithDoc.__doc__, WithDoc.__module__, repr(WithDoc))
Q = type("Q", (), {"__qualname__": "Outer.Q"})
print(Q.__qualname__, Q.__name__, "__qualname__" in Q.__dict__)
for args in [("X",), ("X", ()), ("X", (), {}, 1), (1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type(*args)
        print(args, "-> ok")
    except TypeError as e:
        print(type(e).__name__, e)
IntSub = type("IntSub", (int,), {"double": lambda self: self * 2})
print(IntSub(21).double(), isinstance(IntSub(1), int))
import types
NC = types.new_class("NC", (Point,), {}, lambda ns: ns.update({"extra": 1}))
print(NC.extra, NC.__mro__[1].__name__)
meta_made = type.__call__(type, "ViaCall", (), {})
print(meta_made.__name__)
print(type.__name__, type.__qualname__, type.__module__)
try:
    type("Bad", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Bad\x00Name", (), {})
except ValueError as e:
    print(type(e).__name__, e)
