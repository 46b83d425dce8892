class Base:
    __slots__ = ("a",)
class Child(Base):
    __slots__ = ("b",)
c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"))
try:
    c.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
class NoSlots(Base):
    pass
n = NoSlots()
n.a = 1
n.anything = 2
print(n.a, n.__dict__)
class Plain:
    pass
class SlotsOnPlain(Plain):
    __slots__ = ("x",)
s = SlotsOnPlain()
s.x = 1
s.y = 2
print(s.x, s.__dict__)
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class E1:
    __slots__ = ()
class E2:
    __slots__ = ()
class Both(E1, E2):
    __slots__ = ("z",)
print(Both().__class__.__name__, Both.__slots__)
class Redeclare(Base):
    __slots__ = ("a",)
r = Redeclare()
r.a = "redeclared"
print(r.a)
class Sized:
    __slots__ = ["p", "q"]
    def __init__(self):
        self.p = 0
print(Sized().p, Sized.__slots__, type(Sized.__slots__).__name__)
print(sorted(k for k in Child.__dict__ if not k.startswith("__")), "__slots__" in Child.__dict__)
class ClassVarWithSlots:
    __slots__ = ("inst",)
    shared = "class attribute still fine"
    def __init__(self):
        self.inst = 1
o = ClassVarWithSlots()
print(o.shared, o.inst)
try:
    o.shared = "change"
except AttributeError as e:
    print(type(e).__name__, e)
class DictSlot(Base):
    __slots__ = ("__dict__",)
ds = DictSlot()
ds.free = 1
print(ds.__dict__)
