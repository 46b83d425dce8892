import asyncio

class AsyncCounter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def main():
    async for v in AsyncCounter(3):
        print("got", v)
    async for v in AsyncCounter(0):
        print("never")
    else:
        print("async for else clause runs")
    async for v in AsyncCounter(5):
        if v == 2:
            continue
        if v == 4:
            break
        print("loop body", v)
    else:
        print("not printed after break")
    it = AsyncCounter(2)
    print(await anext(it), await anext(it), await anext(it, "default"))
    try:
        await anext(AsyncCounter(0))
    except StopAsyncIteration:
        print("StopAsyncIteration from anext")
    print(aiter(it) is it)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    class BadAiter:
        def __aiter__(self):
            return 5
    try:
        async for x in BadAiter():
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    class SyncNext:
        def __aiter__(self):
            return self
        def __anext__(self):
            return "not awaitable"
    try:
        async for x in SyncNext():
            pass
    except TypeError as e:
        print(type(e).__name__, e)

asyncio.run(main())

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class ManualIter:
    def __init__(self):
        self.items = ["m1", "m2"]
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)

async def collect():
    return [x async for x in ManualIter()]
print(drive(collect()))
