def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    while len(received) < 3:
        x = yield f"got {received[-1] if received else None}"
        received.append(x)
    return received
e = echo()
print(next(e))
print(e.send("a"))
print(e.send("b"))
try:
    e.send("c")
except StopIteration as s:
    print("returned", s.value)
try:
    e.send("more")
except StopIteration as s:
    print("after exhaustion:", repr(s.value))
def coroutine_pattern():
    print("primed")
    while True:
        line = yield
        print("processing", line)
cp = coroutine_pattern()
next(cp)
for item in ["x", "y"]:
    cp.send(item)
cp.close()
def two_way():
    a = yield "first"
    b = yield f"second after {a}"
    yield f"third after {b}"
tw = two_way()
print(tw.send(None), tw.send(1), tw.send(2))
def yield_in_expression():
    result = (yield 1) + (yield 2)
    yield result
ye = yield_in_expression()
print(next(ye), ye.send(10), ye.send(20))
