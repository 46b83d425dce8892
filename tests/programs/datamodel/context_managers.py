class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: type={exc_type.__name__ if exc_type else None} exc={exc!r} tb={'set' if tb else None}")
        return self.suppress
with CM("plain") as cm:
    print("body, cm is", cm.name)
with CM("suppressing", suppress=True):
    raise ValueError("swallowed")
print("continued after suppressed error")
try:
    with CM("not suppressing"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
class Truthy(CM):
    def __exit__(self, *args):
        super().__exit__(*args)
        return "non-empty string is truthy"
with Truthy("truthy return"):
    1 / 0
print("ZeroDivisionError suppressed by truthy return")
class ExitRaises:
    def __enter__(self):
        return "entered"
    def __exit__(self, *args):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
class EnterRaises:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *args):
        print("never called")
try:
    with EnterRaises():
        print("never")
except OSError as e:
    print(type(e).__name__, e)
def gen_return():
    with CM("in function"):
        return "returned value"
print(gen_return())
for i in range(2):
    with CM(f"loop {i}", suppress=True):
        if i == 0:
            continue
        break
import contextlib
@contextlib.contextmanager
def managed(tag):
    print("setup", tag)
    try:
        yield tag.upper()
    except ZeroDivisionError:
        print("handled inside generator")
    finally:
        print("teardown", tag)
with managed("a") as v:
    print("got", v)
with managed("b"):
    1 / 0
with contextlib.suppress(KeyError):
    {}["x"]
print("suppress worked")
with contextlib.ExitStack() as stack:
    for n in "xy":
        stack.enter_context(CM(n))
    print("inside exit stack")
with contextlib.nullcontext(5) as five:
    print(five)
