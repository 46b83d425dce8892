def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "Doc."
    def g():
        nonlocal a
        a = 1
        return lambda: a + c
    return g

@dec
@dec2(1)
async def co(x):
    await x
    async with m as n:
        pass
    async for i in y:
        yield i

def gen():
    x = yield 1
    yield from x

class C(Base, metaclass=M):
    """Class doc."""
    attr: int = 0
    def m(self):
        self.x = 1
        return super().m()
    def n(self):
        return __class__

def outer():
    y = 1
    class K:
        z = y
    return K

def g[T: int, *Ts, **P](x: T) -> T:
    return x

class G[T]:
    pass

type Alias[T] = list[T]
