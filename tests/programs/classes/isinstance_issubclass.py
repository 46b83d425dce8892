class A: pass
class B(A): pass
class C(B): pass
class D: pass
c = C()
print(isinstance(c, C), isinstance(c, B), isinstance(c, A), isinstance(c, object), isinstance(c, D))
print(isinstance(c, (D, A)), isinstance(c, ()), issubclass(C, (D,)), issubclass(C, (D, B)))
print(issubclass(C, A), issubclass(A, C), issubclass(A, A), issubclass(A, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, float))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), issubclass(object, type))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance("", str), isinstance(b"", bytes))
print(isinstance(range(1), range), isinstance(len, type(len)), isinstance(lambda: 0, type(lambda: 0)))
print(isinstance(3, int | float), isinstance("x", int | float), issubclass(bool, str | int))
print(type(int | str).__name__, (int | str), (int | None), int | int)
class Fake:
    __class__ = int
f = Fake()
print(isinstance(f, int), type(f) is Fake, f.__class__)
class Prop:
    @property
    def __class__(self):
        return str
print(isinstance(Prop(), str), isinstance(Prop(), Prop))
print(issubclass(C, C.__mro__), type(c) in (C, B))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), isinstance(5, cabc.Hashable))
class Iterable:
    def __iter__(self):
        return iter(())
print(isinstance(Iterable(), cabc.Iterable), issubclass(Iterable, cabc.Iterable), isinstance(Iterable(), cabc.Sized))
class Unhashable:
    __hash__ = None
print(isinstance(Unhashable(), cabc.Hashable), isinstance([], cabc.Hashable))
try:
    isinstance(c, [A])
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(c, A)
except TypeError as e:
    print(type(e).__name__, e)
