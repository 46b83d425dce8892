# weakref.proxy and ReferenceError
import weakref
class Target:
    def __init__(self):
        self.value = 10
    def method(self):
        return 'called'
    def __len__(self):
        return 3
    def __add__(self, other):
        return self.value + other
t = Target()
p = weakref.proxy(t)
print(p.value, p.method(), len(p), p + 5, type(p).__name__)
p.value = 20
print(t.value)
print(weakref.proxy(t) is p)
cp = weakref.proxy(t, lambda ref: print('proxy callback'))
del t
for action in (lambda: p.value, lambda: p.method(), lambda: len(p), lambda: p + 1, lambda: str(p)):
    try:
        action()
    except ReferenceError as e:
        print(type(e).__name__, e)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
def fn(x):
    return x * 2
pf = weakref.proxy(fn)
print(pf(21), type(pf).__name__)
print(issubclass(ReferenceError, Exception))
print('proxy attribute after death:')
print(p.value)
