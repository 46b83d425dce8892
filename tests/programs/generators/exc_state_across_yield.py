# The handled exception of a generator or coroutine suspended inside an except block
# survives the suspension, even when the caller handles the same exception object
import asyncio, sys
async def inner():
    try:
        await asyncio.sleep(10)
    except BaseException:
        await asyncio.sleep(0)
        raise
async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled ok')
asyncio.run(main())

def gen():
    try:
        yield 1
    except KeyError:
        print('in gen', repr(sys.exc_info()[1]))
        yield 2
        print('still', repr(sys.exc_info()[1]))
        raise
g = gen()
next(g)
try:
    raise KeyError('shared')
except KeyError as e:
    print(g.throw(e))
    print('caller', repr(sys.exc_info()[1]))
try:
    next(g)
except KeyError as e:
    print('reraised', repr(e))
print(repr(sys.exc_info()[1]))
def gen2():
    print('fallthrough', repr(sys.exc_info()[1]))
    yield
    print('fallthrough2', repr(sys.exc_info()[1]))
    yield
g = gen2()
try:
    raise ValueError('outer')
except ValueError:
    next(g)
next(g)
