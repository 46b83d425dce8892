import asyncio

async def agen(n):
    try:
        for i in range(n):
            received = yield i
            if received is not None:
                print("agen received", received)
            await asyncio.sleep(0)
    finally:
        print("agen cleanup")

async def main():
    print([v async for v in agen(3)])
    g = agen(5)
    print(type(g).__name__, g.__name__)
    print(await g.__anext__())
    print(await g.asend("hello"))
    try:
        await g.athrow(ValueError("thrown in"))
    except ValueError as e:
        print("athrow propagated:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("generator finished after throw")
    g2 = agen(5)
    await anext(g2)
    await g2.aclose()
    print("closed early")
    async def catches():
        try:
            yield "first"
        except KeyError:
            yield "recovered"
    c = catches()
    print(await anext(c), await c.athrow(KeyError("k")))
    async def yields_in_finally():
        try:
            yield 1
        finally:
            print("finally without await is fine")
    y = yields_in_finally()
    await anext(y)
    await y.aclose()
    async def empty():
        return
        yield
    print([x async for x in empty()])
    print(hasattr(agen(1), "__aiter__"), hasattr(agen(1), "__iter__"))

asyncio.run(main())

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def countdown(n):
    while n:
        yield n
        n -= 1

async def consume():
    out = []
    async for v in countdown(3):
        out.append(v)
    return out

print("manual:", drive(consume()))
ag = countdown(1)
aw = ag.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("first value via StopIteration.value:", e.value)
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("then StopAsyncIteration")
