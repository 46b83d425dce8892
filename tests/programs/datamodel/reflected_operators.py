class R:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
for op in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lshift", "rshift", "and", "or", "xor", "divmod"]:
    def make(op):
        return lambda self, other: f"{self.name}.__r{op}__({other!r})"
    setattr(R, f"__r{op}__", make(op))
r = R("r")
print(1 + r, 1 - r, 1 * r, 1 / r, 1 // r, 1 % r, 1 ** r)
print("x" + r, [1] * r, 2 / r, 3 // r, 4 % r, 5 ** r)
print(1 << r, 1 >> r, 1 & r, 1 | r, 1 ^ r, divmod(1, r))
class M:
    def __matmul__(self, o):
        return NotImplemented
    def __repr__(self):
        return "M()"
print(M() @ r)
class Left:
    def __add__(self, other):
        print("Left.__add__ tried")
        return NotImplemented
class Right:
    def __radd__(self, other):
        print("Right.__radd__ tried")
        return "Right handled it"
print(Left() + Right())
class Both:
    def __add__(self, other):
        return "Both.__add__"
    def __radd__(self, other):
        return "Both.__radd__"
print(Both() + Both(), 1 + Both(), Both() + 1)
class Same:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return "radd on same type"
try:
    Same() + Same()
except TypeError as e:
    print(type(e).__name__, e)
print(1 + Same())
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, (int, Num)):
            return Num(self.v + (other.v if isinstance(other, Num) else other))
        return NotImplemented
    __radd__ = __add__
    def __repr__(self):
        return f"Num({self.v})"
print(Num(1) + 2, 2 + Num(1), sum([Num(1), Num(2), Num(3)]))
print(3 - 2.5, 2.5 - 3, (1).__rsub__(5), (5).__sub__(1.0))
