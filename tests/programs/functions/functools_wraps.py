import functools
def plain(f):
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper
def wrapped(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper
@plain
def one(x: int) -> int:
    """Docstring of one."""
    return x
@wrapped
def two(x: int) -> int:
    """Docstring of two."""
    return x
print(one.__name__, one.__qualname__, one.__doc__, one.__annotations__)
print(two.__name__, two.__qualname__, two.__doc__, two.__annotations__)
print(two.__wrapped__.__name__, two.__wrapped__ is not two, hasattr(one, "__wrapped__"))
print(two.__module__)
def f():
    pass
f.custom = "attribute"
g = functools.wraps(f)(lambda: None)
print(g.__name__, g.custom, sorted(g.__dict__), g.__wrapped__ is f)
def deco_chain(fn):
    @functools.wraps(fn)
    def w():
        return fn()
    return w
@deco_chain
@deco_chain
def base():
    return "base"
print(base.__name__, base.__wrapped__.__name__, base.__wrapped__.__wrapped__.__name__)
import inspect
print(inspect.unwrap(base) is not base, inspect.unwrap(base)())
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)
class Callable:
    def __call__(self):
        return "callable"
obj = Callable()
w = functools.wraps(obj)(lambda: obj())
print(w(), w.__name__ if hasattr(w, "__name__") else None)
p = functools.partial(int, base=2)
print(p("101"), p.func is int, p.args, p.keywords)
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 0))
