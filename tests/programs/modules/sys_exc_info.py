# sys.exc_info and sys.exception
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError('inner')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
    try:
        raise KeyError('nested')
    except KeyError:
        print(sys.exc_info()[0].__name__, repr(sys.exception()))
    print('restored', repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def helper():
    return sys.exception()
try:
    1 / 0
except ZeroDivisionError:
    print('seen from helper:', type(helper()).__name__)
try:
    try:
        raise TypeError('first')
    finally:
        print('in finally:', repr(sys.exception()))
except TypeError:
    pass
def gen():
    try:
        raise RuntimeError('in gen')
    except RuntimeError:
        yield sys.exception()
g = gen()
print(repr(next(g)), sys.exception())
