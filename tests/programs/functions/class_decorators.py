def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(Point(1, "a"))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A:
    pass
@register
@add_repr
class B:
    def __init__(self):
        self.v = [1]
print(registry, B())
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, value):
        self.value = value
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.value, type(Config).__name__)
def with_attrs(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco
@with_attrs(color="red", size=3)
class Widget:
    pass
print(Widget.color, Widget.size)
import dataclasses
@dataclasses.dataclass
class DC:
    a: int
    b: str = "x"
print(DC(1), DC(1) == DC(1, "x"), DC.__dataclass_fields__.keys())
@dataclasses.dataclass(frozen=True, order=True)
class Frozen:
    n: int
print(Frozen(1) < Frozen(2), sorted([Frozen(3), Frozen(1)]))
try:
    Frozen(1).n = 5
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
import functools
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(1))
