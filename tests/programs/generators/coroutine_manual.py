import types
class Yield:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield self.value
        return f"resumed with {received}"
async def child(n):
    r = await Yield(f"child {n} suspends")
    return f"child {n}: {r}"
async def parent():
    a = await child(1)
    b = await child(2)
    return [a, b]
coro = parent()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.send(None))
print(coro.send("x"))
try:
    coro.send("y")
except StopIteration as e:
    print("result:", e.value)
async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple returned", e.value)
c2 = simple()
print(c2.cr_running, c2.cr_frame is not None, c2.cr_code.co_name)
c2.close()
print(c2.cr_frame)
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c3 = simple()
try:
    c3.send(None)
except StopIteration:
    print("c3 finished")
try:
    c3.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c4 = simple()
try:
    iter(c4)
except TypeError as e:
    print(type(e).__name__, e)
finally:
    c4.close()
async def thrower():
    try:
        await Yield("waiting")
    except ValueError as e:
        return f"handled {e}"
t = thrower()
t.send(None)
try:
    t.throw(ValueError("injected"))
except StopIteration as e:
    print(e.value)
@types.coroutine
def legacy():
    v = yield "legacy yield"
    return v * 2
async def uses_legacy():
    return await legacy()
ul = uses_legacy()
print(ul.send(None))
try:
    ul.send(21)
except StopIteration as e:
    print("legacy result", e.value)
import inspect
print(inspect.iscoroutinefunction(simple), inspect.iscoroutine(ul), inspect.isawaitable(Yield(1)))
