def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup in finally")
g = gen()
print(next(g))
g.close()
print("closed")
print(next(g, "nothing after close"))
g.close()
print("second close is a no-op")
unstarted = gen()
unstarted.close()
print("closing unstarted generator runs no finally")
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise
c = catches_exit()
next(c)
c.close()
def yields_on_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
y = yields_on_exit()
next(y)
try:
    y.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value on close"
r = returns_on_exit()
next(r)
print("close() returns:", repr(r.close()))
def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("raised during close")
ro = raises_other()
next(ro)
try:
    ro.close()
except ValueError as e:
    print(type(e).__name__, e)
def finished():
    yield 1
fin = finished()
list(fin)
print(repr(fin.close()))
import gc
def dropped():
    try:
        yield "x"
    finally:
        print("finally runs when generator is garbage collected")
d = dropped()
next(d)
del d
print("after del")
print(issubclass(GeneratorExit, Exception), GeneratorExit.__mro__[1].__name__)
