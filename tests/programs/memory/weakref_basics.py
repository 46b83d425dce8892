# weakref.ref and callbacks
import weakref
import gc
class Obj:
    def __init__(self, v):
        self.v = v
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r().v, weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
r2 = weakref.ref(o)
print(r2 is r, r == r2)
events = []
rc = weakref.ref(o, lambda ref: events.append(('callback', ref is rc, ref())))
print(weakref.getweakrefcount(o))
del o
print(r(), r2(), events)
print(type(r).__name__, callable(r))
for v in (1, 'str', (1,), [1], {}, None):
    try:
        weakref.ref(v)
    except TypeError as e:
        print(type(e).__name__, e)
class Slotted:
    __slots__ = ('a',)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
class WithWeak:
    __slots__ = ('a', '__weakref__')
w = WithWeak()
print(weakref.ref(w)() is w)
def f():
    pass
rf = weakref.ref(f)
print(rf() is f)
x = Obj(2)
y = Obj(2)
rx, ry = weakref.ref(x), weakref.ref(y)
print(rx == ry, rx != ry)
m = weakref.WeakMethod(Obj(3).__init__) if False else None
class M:
    def meth(self):
        return 'method'
mm = M()
wm = weakref.WeakMethod(mm.meth)
print(wm()())
del mm
print(wm())
fin_log = []
z = Obj(9)
fin = weakref.finalize(z, fin_log.append, 'finalized')
print(fin.alive)
del z
print(fin_log, fin.alive)
