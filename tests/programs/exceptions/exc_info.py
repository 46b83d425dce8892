import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("current")
except ValueError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, tb is e.__traceback__, type(tb).__name__)
    print(repr(sys.exception()), sys.exception() is e)
    try:
        raise KeyError("nested")
    except KeyError:
        print("inner:", repr(sys.exception()))
    print("restored:", repr(sys.exception()))
print("after:", sys.exc_info(), sys.exception())
def in_function():
    return sys.exception()
try:
    raise TypeError("visible in called function")
except TypeError:
    print(repr(in_function()))
def generator():
    yield repr(sys.exception())
    yield repr(sys.exception())
g = generator()
try:
    raise OSError("outer")
except OSError:
    print("gen sees:", next(g))
print("gen sees later:", next(g))
try:
    raise ValueError("x")
except ValueError:
    pass
finally:
    print("in finally after handled:", sys.exception())
try:
    try:
        raise ValueError("pending in finally")
    finally:
        print("finally while propagating:", repr(sys.exception()))
except ValueError:
    pass
e = ValueError("tb")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno, e.__traceback__.tb_next)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
