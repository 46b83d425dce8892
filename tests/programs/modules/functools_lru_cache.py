# functools.lru_cache and cache
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def f(x):
    calls.append(x)
    return x * 10
print(f(1), f(2), f(1), f(3), f(2), f(1))
print(calls, f.cache_info())
f.cache_clear()
print(f.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@cache
def sq(n):
    return n * n
print(sq(4), sq(4), sq.cache_info())
@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(1), typed.cache_info(), typed.cache_parameters())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
print(f.__name__, f.__wrapped__.__name__, fib.__wrapped__(5) if False else 'skip')
@lru_cache
def kw(a, b=1):
    return a + b
print(kw(1), kw(1, 1), kw(1, b=1), kw(a=1), kw.cache_info().currsize)
try:
    sq([1])
except TypeError as e:
    print(type(e).__name__, e)
