def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key="k"))
print(f(1, flag=True, key="k2"))
def g(*args, sep=" ", end="!"):
    return sep.join(args) + end
print(g("a", "b"), g("a", "b", sep="-", end="?"))
def h(*, only):
    return only
print(h(only=3))
for call in [lambda: f(1, "k"), lambda: f(1), lambda: h(), lambda: h(3),
             lambda: f(1, key=1, bogus=2), lambda: g(sep="x", end="y", other=1)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def many(*, a, b, c=3, d):
    return a, b, c, d
try:
    many()
except TypeError as e:
    print(type(e).__name__, e)
try:
    many(a=1)
except TypeError as e:
    print(type(e).__name__, e)
print(many(d=4, b=2, a=1))
print(many.__kwdefaults__, many.__defaults__)
def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
