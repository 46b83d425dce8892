def bold(f):
    def w():
        return "<b>" + f() + "</b>"
    return w
def italic(f):
    def w():
        return "<i>" + f() + "</i>"
    return w
@bold
@italic
def text():
    return "hello"
print(text())
@italic
@bold
def text2():
    return "world"
print(text2())
calls = []
def tag(name):
    def deco(f):
        calls.append(("decorating", name, f.__name__))
        def w(*a):
            calls.append(("enter", name))
            try:
                return f(*a)
            finally:
                calls.append(("exit", name))
        w.__name__ = f"{name}({f.__name__})"
        return w
    return deco
@tag("A")
@tag("B")
@tag("C")
def core(x):
    calls.append(("core", x))
    return x * 2
print(core.__name__)
print(core(5))
for c in calls:
    print(c)
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
import functools
@functools.lru_cache(maxsize=None)
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5))
print(slow_square.cache_info())
@functools.cache
def cached(n):
    return [n]
print(cached(1) is cached(1))
