# The handled exception (sys.exc_info) after exceptions leave `with` blocks whose
# __exit__ does not suppress them (RERAISE with a saved lasti)
import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def plain():
    with CM():
        raise KeyError('plain')


def reraised():
    with CM():
        try:
            raise KeyError('inner')
        except:
            raise


def nested():
    with CM():
        with CM():
            raise ValueError('nested')


for f in (plain, reraised, nested):
    try:
        f()
    except Exception as e:
        print(f.__name__, repr(e), repr(e.__context__))
    print('after', f.__name__, sys.exc_info())

try:
    plain()
except KeyError:
    try:
        raise TypeError('second')
    except TypeError as e:
        print('context', repr(e.__context__))
print(sys.exc_info())


def gen():
    with CM():
        yield 1
        raise KeyError('from generator')


try:
    for _ in gen():
        pass
except KeyError as e:
    print(repr(e), repr(e.__context__))
print(sys.exc_info())
