class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Acc({self.v!r})"
names = ["iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "imatmul", "ilshift", "irshift", "iand", "ior", "ixor"]
for n in names:
    def make(n):
        def method(self, other):
            self.v = f"{self.v}|{n}({other})"
            return self
        return method
    setattr(Acc, f"__{n}__", make(n))
a = Acc("start")
orig = a
a += 1; a -= 2; a *= 3; a /= 4; a //= 5; a %= 6; a **= 7; a @= 8
a <<= 9; a >>= 10; a &= 11; a |= 12; a ^= 13
print(a.v)
print(a is orig)
class ReturnsNew:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        return ReturnsNew(self.v + other)
x = ReturnsNew(1)
y = x
x += 10
print(x.v, y.v, x is y)
class ReturnsOther:
    def __iadd__(self, other):
        return "replaced by a string"
z = ReturnsOther()
z += 1
print(z)
class NoneReturn:
    def __iadd__(self, other):
        pass
n = NoneReturn()
n += 1
print(n)
lst = [1]
t = (lst,)
t[0].__iadd__([2])
print(t)
s = "ab"
s2 = s
s += "c"
print(s, s2)
import operator
acc = Acc("op")
print(operator.iadd(acc, 1), operator.iadd([1], [2]), operator.iadd(1, 2))
