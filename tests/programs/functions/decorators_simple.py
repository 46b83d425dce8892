log = []
def trace(func):
    def wrapper(*args, **kwargs):
        log.append(f"call {func.__name__}{args}")
        result = func(*args, **kwargs)
        log.append(f"return {result!r}")
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

print(add(2, 3))
print(log)
print(add.__name__, add.__qualname__)
def register(registry):
    def deco(f):
        registry[f.__name__] = f
        return f
    return deco
REG = {}
@register(REG)
def alpha():
    return "alpha"
@register(REG)
def beta():
    return "beta"
print(sorted(REG), REG["alpha"](), alpha is REG["alpha"])
def replace_with_value(f):
    return 42
@replace_with_value
def gone():
    pass
print(gone)
order = []
def d1(f):
    order.append("d1 applied")
    return f
def d2(f):
    order.append("d2 applied")
    return f
@d1
@d2
def both():
    pass
print(order)
@lambda f: (lambda *a: f(*a) * 2)
def doubled(x):
    return x
print(doubled(21))
items = [lambda f: f, lambda f: (lambda: f() + "!")]
@items[1]
def excited():
    return "hi"
print(excited())
class Holder:
    def deco(self, f):
        return lambda: "from method decorator: " + f()
h = Holder()
@h.deco
def via_attr():
    return "ok"
print(via_attr())
def counting(f):
    def inner(*a):
        inner.calls += 1
        return f(*a)
    inner.calls = 0
    return inner
@counting
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
