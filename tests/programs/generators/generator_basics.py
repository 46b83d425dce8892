def count(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")
g = count(2)
print(type(g).__name__, "body not started yet")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(next(g, "exhausted"), list(g))
def empty():
    return
    yield
print(list(empty()))
def only_return():
    if False:
        yield
    return "ret"
print(list(only_return()))
def multiple():
    yield 1
    yield from [2, 3]
    yield 4
print(list(multiple()), sum(multiple()), tuple(multiple()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def with_args(*args, **kw):
    for a in args:
        yield a
    for k in sorted(kw):
        yield k, kw[k]
print(list(with_args(1, 2, x=3)))
print(count.__name__, count(1).__name__, count(1).__qualname__)
class Holder:
    def gen(self):
        yield self
print(Holder().gen().__qualname__)
g2 = count(0)
print(iter(g2) is g2, hasattr(g2, "__next__"), hasattr(g2, "send"))
import types
print(isinstance(g2, types.GeneratorType), types.GeneratorType.__name__)
def yield_expression_value():
    x = yield
    print("received", x)
ye = yield_expression_value()
next(ye)
try:
    next(ye)
except StopIteration:
    print("next() sends None")
