log = []
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        log.append("__add__")
        return OnlyAdd(self.v + other)
a = OnlyAdd(1)
b = a
a += 5
print(a.v, b.v, a is b, log)
log.clear()
class IaddNotImpl:
    def __iadd__(self, other):
        log.append("__iadd__ -> NotImplemented")
        return NotImplemented
    def __add__(self, other):
        log.append("__add__")
        return "from __add__"
c = IaddNotImpl()
c += 1
print(c, log)
log.clear()
class RaddOnly:
    def __radd__(self, other):
        log.append("__radd__")
        return "from __radd__"
d = 5
d += RaddOnly()
print(d, log)
log.clear()
class IaddNotImplNoAdd:
    def __iadd__(self, other):
        return NotImplemented
e = IaddNotImplNoAdd()
try:
    e += 1
except TypeError as ex:
    print(type(ex).__name__, ex)
class Nothing:
    pass
f = Nothing()
for label, code in [("+=", "f += 1"), ("-=", "f -= 1"), ("*=", "f *= 1"), ("@=", "f @= 1"), ("**=", "f **= 1"), ("<<=", "f <<= 1"), ("//=", "f //= 1"), ("|=", "f |= 1")]:
    try:
        exec(code)
    except TypeError as ex:
        print(label, type(ex).__name__, ex)
g = [1]
g *= 2
print(g)
h = (1,)
h *= 2
print(h)
fs = frozenset([1])
fs2 = fs
fs |= {2}
print(sorted(fs), sorted(fs2), fs is fs2)
st = {1}
st2 = st
st |= {2}
print(st is st2)
