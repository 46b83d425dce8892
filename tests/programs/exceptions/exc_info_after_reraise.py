# sys.exc_info() after an exception leaves a with block or an unmatched except clause
import sys
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
def a():
    try:
        try:
            raise KeyError(1)
        finally:
            pass
    except KeyError:
        pass
    print('finally', sys.exc_info())
def b():
    try:
        with CM():
            raise KeyError(1)
    except KeyError:
        pass
    print('with', sys.exc_info())
def c():
    try:
        with CM():
            raise KeyError(1)
    except KeyError:
        print('in', sys.exc_info()[0])
def d():
    try:
        try:
            raise KeyError(1)
        except ValueError:
            pass
    except KeyError:
        pass
    print('except-nomatch', sys.exc_info())
a(); b(); c(); print(sys.exc_info()); d()
# the traceback of a re-raised exception still points at the raise
import traceback
def e():
    with CM():
        raise OSError('deep')
try:
    e()
except OSError as ex:
    print([(f.name, f.lineno) for f in traceback.extract_tb(ex.__traceback__)])
def g():
    try:
        raise ValueError('v')
    except KeyError:
        pass
try:
    g()
except ValueError as ex:
    print([(f.name, f.lineno) for f in traceback.extract_tb(ex.__traceback__)])
