def g():
    yield 1
    return "done"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args, str(e))
e = StopIteration()
print(e.value, e.args)
e = StopIteration(1, 2)
print(e.value, e.args)
e = StopIteration(None)
print(e.value, e.args)
def ret_none():
    return None
    yield
try:
    next(ret_none())
except StopIteration as e:
    print(repr(e.value), e.args)
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def ret_exception():
    return ValueError("as value")
    yield
try:
    next(ret_exception())
except StopIteration as e:
    print(type(e.value).__name__, e.value)
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("from __next__")
try:
    next(It())
except StopIteration as e:
    print(e.value)
print(list(It()), next(It(), "default wins"))
print(issubclass(StopIteration, Exception), issubclass(StopAsyncIteration, Exception))
se = StopIteration("x")
se.value = "changed"
print(se.value, se.args)
