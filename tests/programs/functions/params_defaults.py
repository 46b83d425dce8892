def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 20), f(1, c=30), f(a=1, c=30, b=20))
print(f.__defaults__)
counter = 0
def next_id():
    global counter
    counter += 1
    return counter
def g(x=next_id()):
    return x
print(g(), g(), counter)
f.__defaults__ = (200, 300)
print(f(1))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
def kw(*, a=1):
    return a
kw.__kwdefaults__ = {"a": 99}
print(kw())
def none_default(x=None):
    return "none given" if x is None else x
print(none_default(), none_default(0))
sentinel = object()
def sentinel_default(x=sentinel):
    return x is sentinel
print(sentinel_default(), sentinel_default(None))
def lam_defaults():
    return [(lambda i=i: i)() for i in range(3)]
print(lam_defaults())
x = 10
def capture(v=x):
    return v
x = 20
print(capture())
def expr_default(v=[i * 2 for i in range(3)], w={"k": len("abc")}):
    return v, w
print(expr_default())
class C:
    def m(self, scale=2):
        return scale
print(C().m(), C.m.__defaults__)
