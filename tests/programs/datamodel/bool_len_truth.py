class WithBool:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print(f"__bool__ called -> {self.v}")
        return self.v
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print(f"__len__ called -> {self.n}")
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass
print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)))
print(bool(Both()), len(Both()))
print(bool(Neither()))
if WithLen(2):
    print("if uses __len__")
print(not WithBool(True))
print(WithBool(False) or "fallback")
r = WithLen(0) and "not reached"
print(type(r).__name__)
x = [WithBool(True), WithBool(False)]
print([bool(i) for i in x])
print(any(WithLen(n) for n in (0, 0, 1)))
while WithBool(False):
    pass
print(sum(1 for v in [WithLen(0), WithLen(5)] if v))
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print(type(e).__name__, e)
class NoneLen:
    __len__ = None
try:
    len(NoneLen())
except TypeError as e:
    print(type(e).__name__, e)
class Sub(WithLen):
    def __bool__(self):
        return True
print(bool(Sub(0)))
