# Slot wrappers: which built-ins have reflected forms, and a slot assigned another slot's wrapper
import collections
for t in (str, bytes, bytearray, list, tuple, collections.deque, int, float, set):
    print(t.__name__, hasattr(t, '__radd__'), hasattr(t, '__add__'), hasattr(t,'__rmul__'), hasattr(t,'__iadd__'))
class R:
    def __radd__(self, o): return ('radd', type(o).__name__)
print([1] + R(), 'a' + R(), (1,) + R(), b'x' + R())
for a, b in [([1], 1), ('a', 1), ((1,), 1), (b'x', 'y'), (1, [1]), (bytearray(b'a'), 'b')]:
    try: a + b
    except TypeError as e: print(e)
class L(list):
    def __radd__(self, o): return 'L.radd'
print([1] + L([2]), L([2]) + [1])
import enum
class C(enum.IntEnum):
    A = 1
class F(enum.IntFlag):
    X = 2
class S(enum.StrEnum):
    B = 'bee'
print(str(C.A), repr(C.A), format(C.A), f"{C.A:>4}", str(F.X), str(S.B), f"{S.B}")
class Weird(int):
    __str__ = int.__repr__
    __repr__ = object.__repr__
    __len__ = None
w = Weird(7)
print(str(w), repr(w).startswith('<__main__.Weird object'))
try:
    len(w)
except TypeError as e:
    print(e)
