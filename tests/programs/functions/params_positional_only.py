def f(a, b, /, c, d=4, *, e=5):
    return (a, b, c, d, e)

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, 40, e=50))
def only(x, /):
    return x
print(only(9))
def pos_only_with_kwargs(name, /, **kwargs):
    return name, kwargs
print(pos_only_with_kwargs("n", name="also allowed in kwargs"))
def defaults(a=1, b=2, /):
    return a, b
print(defaults(), defaults(10), defaults(10, 20))
for call in [lambda: f(a=1, b=2, c=3), lambda: only(x=1), lambda: defaults(b=5),
             lambda: f(1, b=2, c=3)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
try:
    len(obj=[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(x=1, y=2)
except TypeError as e:
    print(type(e).__name__, e)
lam = lambda p, /, q: (p, q)
print(lam(1, q=2), lam(1, 2))
