class U:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __abs__(self):
        return "abs"
    def __invert__(self):
        return "invert"
u = U()
print(-u, +u, abs(u), ~u)
class Vec:
    def __init__(self, *c):
        self.c = c
    def __neg__(self):
        return Vec(*(-x for x in self.c))
    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5
    def __repr__(self):
        return f"Vec{self.c}"
print(-Vec(1, -2), abs(Vec(3, 4)))
class Empty:
    pass
for label, fn in [("-", lambda: -Empty()), ("+", lambda: +Empty()), ("~", lambda: ~Empty()), ("abs", lambda: abs(Empty()))]:
    try:
        fn()
    except TypeError as e:
        print(label, type(e).__name__, e)
print(-True, +False, abs(-0.0), -0, -(0.0))
print("unary minus on str:", end=" ")
try:
    -"s"
except TypeError as e:
    print(e)
class ReturnsNotImpl:
    def __neg__(self):
        return NotImplemented
print(-ReturnsNotImpl())
import operator
print(operator.neg(5), operator.pos(-5), operator.invert(5), operator.abs(-5), operator.not_(u))
