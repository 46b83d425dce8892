import asyncio

async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    try:
        await fail("direct")
    except ValueError as e:
        print("caught from awaited coroutine:", e)
    task = asyncio.create_task(fail("in task"))
    try:
        await task
    except ValueError as e:
        print("caught from task:", e, task.done(), repr(task.exception()))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("group member 1"))
            tg.create_task(fail("group member 2"))
    except* ValueError as eg:
        print("TaskGroup raised", type(eg).__name__, sorted(str(e) for e in eg.exceptions))
    async def ok(v):
        await asyncio.sleep(0)
        return v
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(1))
        t2 = tg.create_task(ok(2))
    print("TaskGroup results:", t1.result(), t2.result())
    try:
        await asyncio.wait_for(ok("in time"), timeout=10)
    except TimeoutError:
        print("unexpected")
    print("wait_for finished")
    return "main finished"

print(asyncio.run(main()))

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def outer():
    try:
        await inner()
    except KeyError as e:
        raise RuntimeError("wrapped") from e

async def inner():
    raise KeyError("deep")

try:
    drive(outer())
except RuntimeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))

async def broken():
    values = {"a": 1}
    return values["b"]

drive(broken())
