class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"), hasattr(Point, "__dict__"))
try:
    vars(p)
except TypeError as e:
    print(type(e).__name__, e)
print(type(Point.__dict__["x"]).__name__, Point.__slots__)
q = Point.__new__(Point)
try:
    q.x
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 20
print(p.y)
class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only, Single.__slots__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
class Empty:
    __slots__ = ()
try:
    Empty().anything = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)
class Weak:
    __slots__ = ("__weakref__",)
import weakref
r = weakref.ref(w := Weak())
print(r() is w)
try:
    weakref.ref(p)
except TypeError as e:
    print(type(e).__name__, e)
class Default:
    __slots__ = ("val",)
    def get(self):
        return getattr(self, "val", "unset")
print(Default().get())
class Mangled:
    __slots__ = ("__private",)
    def set(self, v):
        self.__private = v
        return self.__private
print(Mangled().set(7), Mangled.__slots__, [k for k in Mangled.__dict__ if "private" in k])
