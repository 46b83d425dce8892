import asyncio

class AsyncResource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print(f"aenter {self.name}")
        await asyncio.sleep(0)
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print(f"aexit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.suppress

async def main():
    async with AsyncResource("a") as a:
        print("body with", a)
    async with AsyncResource("x") as x, AsyncResource("y") as y:
        print("two managers", x, y)
    async with (
        AsyncResource("p") as p,
        AsyncResource("q"),
    ):
        print("parenthesized", p)
    async with AsyncResource("s", suppress=True):
        raise ValueError("suppressed")
    print("after suppressed error")
    try:
        async with AsyncResource("r"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", repr(e))
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    import contextlib
    @contextlib.asynccontextmanager
    async def managed(tag):
        print("setup", tag)
        try:
            yield tag * 2
        finally:
            print("teardown", tag)
    async with managed("ab") as v:
        print("inside", v)
    for i in range(2):
        async with AsyncResource(f"loop{i}"):
            if i == 0:
                continue
            break
    return "done"

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

print(asyncio.run(main()))
