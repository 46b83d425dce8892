def inner():
    try:
        while True:
            try:
                x = yield
                print("inner received", x)
            except KeyError as e:
                print("inner handled", repr(e))
    finally:
        print("inner finally")
def outer():
    yield from inner()
g = outer()
next(g)
g.send("a")
g.send("b")
g.throw(KeyError("k"))
g.send("c")
g.close()
print("---")
g2 = outer()
next(g2)
try:
    g2.throw(ValueError("unhandled in inner"))
except ValueError as e:
    print("propagated through outer:", e)
print("---")
class IterOnly:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration("iter done")
        return self.i
def from_plain_iterator():
    r = yield from IterOnly()
    yield f"result {r}"
d = from_plain_iterator()
print(next(d))
try:
    d.send("not None")
except AttributeError as e:
    print(type(e).__name__, e)
d2 = from_plain_iterator()
next(d2)
try:
    d2.throw(RuntimeError("no throw method on iterator"))
except RuntimeError as e:
    print(type(e).__name__, e)
class WithSendThrow(IterOnly):
    def send(self, v):
        print("custom send", v)
        return self.__next__()
    def throw(self, *args):
        print("custom throw", args[0].__class__.__name__)
        return "from custom throw"
    def close(self):
        print("custom close")
def uses_custom():
    yield from WithSendThrow()
u = uses_custom()
print(next(u))
print(u.send("v"))
u2 = uses_custom()
next(u2)
print(u2.throw(ValueError("x")))
u.close()
print("u closed")
u2.close()
print("u2 closed")
u3 = uses_custom()
next(u3)
u3.close()
print("u3 closed")
