def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, *[2, 3], x=4, **{"y": 5}))
def g(first, *rest):
    return first, rest, type(rest).__name__
print(g(1), g(1, 2, 3))
def h(**kw):
    return kw, type(kw).__name__
print(h(z=1, a=2, m=3))
def order(**kw):
    return list(kw)
print(order(c=1, a=2, b=3), order(**{"x": 1, "w": 2}))
def mutate(**kw):
    kw["added"] = True
    return kw
src = {"a": 1}
print(mutate(**src), src)
def count(*a):
    return len(a)
print(count(*range(100)), count(*"hello", *b"hi"))
def pass_through(*args, **kwargs):
    return f(*args, **kwargs)
print(pass_through(1, k="v"))
def odd_names(*positional, **named):
    return positional, named
print(odd_names(1, positional=2, named=3))
def all_kinds(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return dict(a=a, b=b, c=c, args=args, d=d, e=e, kwargs=kwargs)
print(all_kinds(1, d=4))
print(all_kinds(1, 2, 3, 4, 5, d=6, e=7, f=8, a=9))
print(all_kinds.__code__.co_varnames)
print(all_kinds.__code__.co_argcount, all_kinds.__code__.co_kwonlyargcount)
print(all_kinds.__code__.co_flags & 0x04 != 0, all_kinds.__code__.co_flags & 0x08 != 0)
