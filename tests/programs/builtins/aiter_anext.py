# aiter() and anext() driven without an event loop
class AsyncCounter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    c = AsyncCounter(3)
    it = aiter(c)
    print(it is c)
    print(await anext(it))
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print(type(e).__name__)
    out = []
    async for v in AsyncCounter(2):
        out.append(v)
    print(out)
    try:
        aiter(5)
    except TypeError as e:
        print(type(e).__name__, e)
coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print('finished', e.value)
import asyncio
async def agen():
    yield 'a'
    yield 'b'
async def collect():
    return [x async for x in agen()]
print(asyncio.run(collect()))
