# sys.getrefcount differences (never absolute values)
import sys
obj = object()
base = sys.getrefcount(obj)
alias = obj
print(sys.getrefcount(obj) - base)
container = [obj, obj, obj]
print(sys.getrefcount(obj) - base)
del container
print(sys.getrefcount(obj) - base)
d = {'k': obj}
print(sys.getrefcount(obj) - base)
d.clear()
print(sys.getrefcount(obj) - base)
del alias
print(sys.getrefcount(obj) - base)
def hold(x):
    return sys.getrefcount(x)
inside = hold(obj) - base
print(inside >= 1)
t = (obj,)
print(sys.getrefcount(obj) - base)
del t
print(sys.getrefcount(obj) - base)
class Holder:
    pass
h = Holder()
h.ref = obj
print(sys.getrefcount(obj) - base)
del h
print(sys.getrefcount(obj) - base)
l = []
for _ in range(10):
    l.append(obj)
print(sys.getrefcount(obj) - base)
l = None
print(sys.getrefcount(obj) - base)
