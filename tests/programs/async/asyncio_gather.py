import asyncio

async def compute(name, value, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f"{name} finished after {steps} steps")
    return value * 2

async def main():
    results = await asyncio.gather(compute("a", 1, 3), compute("b", 2, 1), compute("c", 3, 2))
    print("results keep argument order:", results)
    empty = await asyncio.gather()
    print("empty gather:", empty)

    async def fails(n):
        await asyncio.sleep(0)
        raise ValueError(f"failure {n}")

    mixed = await asyncio.gather(compute("d", 4, 0), fails(1), return_exceptions=True)
    print("with return_exceptions:", [repr(r) for r in mixed])
    try:
        await asyncio.gather(compute("e", 5, 0), fails(2))
    except ValueError as e:
        print("gather propagated:", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t1 = asyncio.create_task(compute("task1", 10, 1))
    t2 = asyncio.create_task(compute("task2", 20, 0))
    print("tasks awaited:", await t1, await t2)
    print(t1.done(), t1.result(), t2.cancelled())
    return "main done"

print(asyncio.run(main()))
