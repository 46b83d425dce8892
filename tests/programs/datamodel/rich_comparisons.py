import functools
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        return self == other or self < other
    def __hash__(self):
        return hash(self.parts)
v1, v2, v3 = Version(1, 0), Version(1, 2), Version(1, 0)
print(v1 == v3, v1 != v2, v1 < v2, v2 > v1, v1 <= v3, v2 >= v1)
print(sorted([v2, v1, Version(0, 9)]), max(v1, v2), min([v2, v1]))
print(v1 == "1.0", v1 != "1.0")
try:
    v1 < "x"
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __eq__(self, other):
        return "truthy string"
    def __lt__(self, other):
        return 0
w = Weird()
print(w == 1, w < 1, w != 1, [w] == [1], bool(w == 1))
print(1 in [w], [1].count(w))
class Chain:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v} < {other.v}")
        return self.v < other.v
print(Chain(1) < Chain(2) < Chain(3))
print(Chain(3) < Chain(2) < Chain(1))
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.v == other.v
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
class NeReturnsNI:
    def __ne__(self, other):
        return NotImplemented
n = NeReturnsNI()
print(n != n, n != 1)
@functools.total_ordering
class Word:
    def __init__(self, w):
        self.w = w
    def __eq__(self, o):
        return self.w.lower() == o.w.lower()
    def __lt__(self, o):
        return self.w.lower() < o.w.lower()
print(Word("a") <= Word("A"), Word("b") > Word("A"), Word("b") >= Word("c"))
print([1, 2] < [1, 2, 3], (1, 2) == (1, 2.0), "abc" < "abd", [v1] == [v3], (v1, 1) < (v2, 0))
