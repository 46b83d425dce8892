# The chapter 6 example from the seed text: greet coroutines run with asyncio.
import asyncio

async def greet(name):
    print(f"Hello, {name}!")

async def main():
    await greet('Alice')
    await greet('Bob')

asyncio.run(main())

coro = greet("Carol")
print(type(coro).__name__, coro.__qualname__)
asyncio.run(coro)
print(asyncio.run(main()))

async def greet_all(names):
    await asyncio.gather(*(greet(n) for n in names))
    return len(names)

print(asyncio.run(greet_all(["Dan", "Eve", "Fay"])))
