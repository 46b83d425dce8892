class C:
    @property
    def ro(self):
        return "read only"
    def _get(self):
        return 1
    anonymous = property(_get)
    @property
    def boom(self):
        raise AttributeError("inner attribute error")
    def __getattr__(self, name):
        return f"__getattr__({name})"
c = C()
print(c.ro)
try:
    c.ro = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del c.ro
except AttributeError as e:
    print(type(e).__name__, e)
try:
    c.anonymous = 2
except AttributeError as e:
    print(type(e).__name__, e)
print(c.boom)
class D:
    @property
    def x(self):
        return self._x
d = D()
try:
    d.x
except AttributeError as e:
    print(type(e).__name__, e)
unnamed = property()
class E:
    p = unnamed
try:
    E().p
except AttributeError as e:
    print(type(e).__name__, e)
try:
    E().p = 1
except AttributeError as e:
    print(type(e).__name__, e)
class WithSlots:
    __slots__ = ("a",)
    @property
    def b(self):
        return "b"
w = WithSlots()
try:
    w.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    property(1)(None)
except TypeError as e:
    print(type(e).__name__, e)
class F:
    @property
    def value(self):
        return 10
f = F()
f.value = 20
