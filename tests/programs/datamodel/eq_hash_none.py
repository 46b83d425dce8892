class WithEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, WithEq) and self.v == other.v
print(WithEq.__hash__)
try:
    hash(WithEq(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {WithEq(1)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {WithEq(1): 1}
except TypeError as e:
    print(type(e).__name__, e)
class WithEqAndHash(WithEq):
    def __hash__(self):
        return hash(self.v)
s = {WithEqAndHash(1), WithEqAndHash(1), WithEqAndHash(2)}
print(len(s), WithEqAndHash(1) in s)
class InheritsEq(WithEq):
    pass
print(InheritsEq.__hash__)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), Plain.__hash__ is object.__hash__, p == p, p == Plain())
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(type(e).__name__, e)
class KeepHash:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
print(isinstance(hash(KeepHash()), int))
for unhashable in [[], {}, set(), bytearray()]:
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(-1), hash(-2), hash(0), hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)))
print(hash(None) == hash(None), hash(1.5) == hash(1.5), hash(float("inf")))
