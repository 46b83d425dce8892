def resilient():
    while True:
        try:
            x = yield "ready"
            print("got", x)
        except ValueError as e:
            print("handled ValueError:", e)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
print(g.send("data"))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "generator is finished"))
def fresh():
    print("never runs")
    yield 1
f = fresh()
try:
    f.throw(RuntimeError("thrown before start"))
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(f))
def catches_and_returns():
    try:
        yield 1
    except TypeError:
        return "returned from except"
c = catches_and_returns()
next(c)
try:
    c.throw(TypeError)
except StopIteration as e:
    print("StopIteration value:", e.value)
def traceback_target():
    yield 1
t2 = traceback_target()
next(t2)
try:
    t2.throw(ZeroDivisionError)
except ZeroDivisionError as e:
    print("class thrown:", type(e).__name__, repr(e))
def finally_gen():
    try:
        yield 1
    finally:
        print("finally during throw")
fg = finally_gen()
next(fg)
try:
    fg.throw(IndexError("idx"))
except IndexError as e:
    print("after finally:", e)
def rethrow_different():
    try:
        yield
    except ValueError as e:
        raise TypeError("converted") from e
rd = rethrow_different()
next(rd)
try:
    rd.throw(ValueError("orig"))
except TypeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))
