# gen.throw() into a frame suspended in `yield from`/`await` inside with/async with
import types


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return True


def sub():
    yield 'from sub'


def outer():
    with CM():
        yield from sub()
    print('after with')
    return 'done'


g = outer()
print(next(g))
try:
    g.throw(ValueError('x'))
except StopIteration as e:
    print('returned', e.value)


def sub_catches():
    try:
        yield 1
    except KeyError:
        return 'sub handled it'


def outer2():
    with CM():
        r = yield from sub_catches()
        print('sub returned', r)
        yield 'next'


g = outer2()
next(g)
print(g.throw(KeyError('k')))
g.close()


class ACM:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        print('aexit', exc[0].__name__ if exc[0] else None)
        return True


@types.coroutine
def suspend():
    yield 'suspended'


async def coro():
    async with ACM():
        await suspend()
    return 'coroutine done'


c = coro()
print(c.send(None))
try:
    c.throw(RuntimeError('into await'))
except StopIteration as e:
    print(e.value)


def nested():
    try:
        with CM():
            try:
                yield from sub()
            finally:
                print('inner finally')
    finally:
        print('outer finally')
    yield 'end'


g = nested()
next(g)
print(g.throw(TypeError('t')))
