class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []
    def set_result(self, value):
        self.done = True
        self.result = value
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def waiter(fut, name):
    print(name, "waiting")
    value = await fut
    print(name, "got", value)
    return value * 2
f = Future()
coro = waiter(f, "w1")
yielded = coro.send(None)
print(yielded is f)
f.set_result(21)
try:
    coro.send(None)
except StopIteration as e:
    print("finished with", e.value)
done = Future()
done.set_result("immediate")
c2 = waiter(done, "w2")
try:
    c2.send(None)
except StopIteration as e:
    print("no suspension:", e.value)
class NotIterator:
    def __await__(self):
        return 5
async def bad():
    await NotIterator()
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
class NoAwait:
    pass
async def bad2():
    await NoAwait()
try:
    bad2().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def bad3():
    await 5
try:
    bad3().send(None)
except TypeError as e:
    print(type(e).__name__, e)
class GenAwait:
    def __await__(self):
        return iter(["a", "b"])
async def iter_await():
    r = await GenAwait()
    return r
ia = iter_await()
print(ia.send(None), ia.send(None))
try:
    ia.send(None)
except StopIteration as e:
    print("result", e.value)
async def returns_coro():
    async def inner():
        return "inner value"
    return await inner()
rc = returns_coro()
try:
    rc.send(None)
except StopIteration as e:
    print(e.value)
async def never_awaited():
    pass
c = never_awaited()
c.close()
print("closed without awaiting (no warning)")
