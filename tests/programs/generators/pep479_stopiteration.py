def leaks():
    yield 1
    raise StopIteration("leaked")
g = leaks()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)
def inner_next():
    it = iter([])
    yield next(it)
try:
    list(inner_next())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def safe():
    it = iter([1])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(safe()))
def subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop
try:
    list(subclass())
except RuntimeError as e:
    print(type(e).__name__, e)
def genexp_stop():
    return list(next(iter([])) for _ in range(1))
try:
    genexp_stop()
except RuntimeError as e:
    print("genexpr:", e)
def comprehension_stop():
    return [next(iter([])) for _ in range(1)]
try:
    comprehension_stop()
except StopIteration as e:
    print("list comprehension lets StopIteration through:", type(e).__name__)
def plain_function():
    raise StopIteration("fine in plain function")
try:
    plain_function()
except StopIteration as e:
    print(e)
def uncaught():
    yield "first"
    raise StopIteration
for v in uncaught():
    print(v)
