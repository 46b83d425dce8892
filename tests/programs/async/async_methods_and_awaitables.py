import asyncio
import inspect
import types

class Service:
    def __init__(self, name):
        self.name = name
    async def fetch(self, key):
        await asyncio.sleep(0)
        return f"{self.name}:{key}"
    @staticmethod
    async def static_op(x):
        return x + 1
    @classmethod
    async def create(cls, name):
        await asyncio.sleep(0)
        return cls(name)
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return f"awaited service {self.name}"

@types.coroutine
def bare_yield():
    value = yield
    return value

async def main():
    s = await Service.create("svc")
    print(await s.fetch("k"), await Service.static_op(41), await s)
    print(inspect.iscoroutinefunction(Service.fetch), inspect.iscoroutinefunction(s.fetch))
    print(inspect.iscoroutinefunction(Service.static_op), inspect.isawaitable(s))
    coro = s.fetch("later")
    print(inspect.iscoroutine(coro), inspect.getcoroutinestate(coro))
    print(await coro, inspect.getcoroutinestate(coro))
    async def adder(a, b=10, *, c=100):
        return a + b + c
    print(await adder(1), await adder(1, 2, c=3))
    print(adder.__name__, adder.__qualname__, type(adder).__name__)
    futures = [s.fetch(i) for i in range(3)]
    print([await f for f in futures])
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future value")
    print(await fut)
    print(isinstance(fut, asyncio.Future), fut.done())

asyncio.run(main())

def drive(coro, sends):
    out = [coro.send(None)]
    try:
        for v in sends:
            out.append(coro.send(v))
    except StopIteration as e:
        out.append(("returned", e.value))
    return out

async def uses_bare():
    a = await bare_yield()
    b = await bare_yield()
    return a + b

print(drive(uses_bare(), [2, 3]))
try:
    compile("f = async lambda: 1", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
async def aw():
    return await asyncio.sleep(0)
print(repr(asyncio.run(aw())))
