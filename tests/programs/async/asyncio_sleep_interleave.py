import asyncio

log = []

async def ticker(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name

async def main():
    tasks = [asyncio.create_task(ticker(n, 3)) for n in "XYZ"]
    log.append("tasks created")
    await asyncio.sleep(0)
    log.append("after first sleep(0)")
    done = [await t for t in tasks]
    log.append(f"all done {done}")

asyncio.run(main())
for entry in log:
    print(entry)

async def sleep_returns():
    r = await asyncio.sleep(0, result="sleep result")
    return r
print(asyncio.run(sleep_returns()))

async def no_await():
    return "coroutine without await"
print(asyncio.run(no_await()))

async def current():
    task = asyncio.current_task()
    return task is not None, type(task).__name__
print(asyncio.run(current()))

async def cancel_demo():
    async def forever():
        try:
            while True:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("forever() saw CancelledError")
            raise
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raises CancelledError")
    print(t.cancelled(), issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
asyncio.run(cancel_demo())
try:
    asyncio.run(42)
except ValueError as e:
    print(type(e).__name__, e)
