def worker(n):
    total = 0
    for i in range(n):
        total += yield i
    return f"worker total {total}"
def manager():
    result1 = yield from worker(2)
    print("manager got:", result1)
    result2 = yield from worker(1)
    print("manager got:", result2)
    return [result1, result2]
m = manager()
print(next(m))
print(m.send(10))
print(m.send(20))
try:
    m.send(5)
except StopIteration as e:
    print("final:", e.value)
def returns_none():
    yield 1
def uses_none():
    r = yield from returns_none()
    yield f"returned {r!r}"
print(list(uses_none()))
def from_list():
    r = yield from [1, 2]
    yield f"list gives {r!r}"
print(list(from_list()))
def raising_return():
    yield 1
    return StopIteration("as value")
def wrap():
    r = yield from raising_return()
    yield type(r).__name__
print(list(wrap()))
def tuple_return():
    return (1, 2)
    yield
def unpack():
    a, b = yield from tuple_return()
    yield a + b
print(list(unpack()))
def nested_levels():
    def level3():
        yield "l3"
        return 3
    def level2():
        v = yield from level3()
        yield "l2"
        return v * 10
    v = yield from level2()
    yield f"top got {v}"
print(list(nested_levels()))
