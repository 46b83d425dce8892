import asyncio

async def arange(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    print([i async for i in arange(4)])
    print({i % 2 async for i in arange(5)})
    print({i: i * i async for i in arange(3)})
    print([i async for i in arange(10) if i % 3 == 0])
    print([await double(i) for i in range(3)])
    print([await double(i) async for i in arange(3)])
    print([(i, j) async for i in arange(2) for j in range(2)])
    print([[j async for j in arange(i)] for i in range(3)])
    gen = (i * 10 async for i in arange(3))
    print(type(gen).__name__, [v async for v in gen])
    awaitables = [double(v) for v in (5, 6)]
    print([await a for a in awaitables])
    print(sum([x async for x in arange(5)]))
    result = [x for x in [await double(1), await double(2)]]
    print(result)

asyncio.run(main())
try:
    compile("[x async for x in y]", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("def f():\n    return [await x for x in y]", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
