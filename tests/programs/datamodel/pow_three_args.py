class P:
    def __init__(self, v):
        self.v = v
    def __pow__(self, exp, mod=None):
        return f"__pow__({self.v}, {exp}, mod={mod})"
    def __rpow__(self, base, mod=None):
        return f"__rpow__({self.v}, base={base}, mod={mod})"
p = P(2)
print(p ** 3)
print(pow(p, 3))
print(pow(p, 3, 5))
print(2 ** p)
print(pow(2, p))
try:
    print(pow(2, p, 5))
except TypeError as e:
    print(type(e).__name__, e)
class NoMod:
    def __pow__(self, exp):
        return "two-arg __pow__"
print(NoMod() ** 2)
try:
    pow(NoMod(), 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
print(pow(3, 4, 5), pow(3, -1, 5), pow(2, 0, 1), pow(-3, 3, 7))
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
class IPow:
    def __init__(self):
        self.v = 2
    def __ipow__(self, other):
        self.v **= other
        return self
ip = IPow()
ip **= 5
print(ip.v)
print(pow(base=2, exp=10), pow(2, 10, mod=1000))
