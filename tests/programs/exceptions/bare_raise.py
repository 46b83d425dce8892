def reraise():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("caught again:", e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def helper():
    raise
try:
    try:
        raise KeyError("from outer handler")
    except KeyError:
        helper()
except KeyError as e:
    print("bare raise in called function re-raises active exception:", e)
def nested_handlers():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
try:
    nested_handlers()
except ValueError as e:
    print("after inner handler, bare raise re-raises:", type(e).__name__, e)
def after_handler():
    try:
        raise ValueError("gone")
    except ValueError:
        pass
    raise
try:
    after_handler()
except RuntimeError as e:
    print(type(e).__name__, e)
def raise_in_finally():
    try:
        raise OSError("in try")
    finally:
        print("finally sees exception pending")
try:
    raise_in_finally()
except OSError as e:
    print("propagated:", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from 1
except TypeError as e:
    print(type(e).__name__, e)
class NoArgInit(Exception):
    def __init__(self, required):
        super().__init__(required)
try:
    raise NoArgInit
except TypeError as e:
    print(type(e).__name__, e)
