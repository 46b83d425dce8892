def show(e):
    print(type(e).__name__, repr(e))
    print("  __cause__:", repr(e.__cause__))
    print("  __context__:", repr(e.__context__))
    print("  __suppress_context__:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit chain")
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    show(e)
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("suppressed") from None
except TypeError as e:
    show(e)
try:
    raise IndexError("cause without context") from OSError("the cause")
except IndexError as e:
    show(e)
try:
    raise KeyError("cls cause") from ValueError
except KeyError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
e.__suppress_context__ = False
print(e.__suppress_context__)
try:
    try:
        try:
            raise OSError("level 1")
        except OSError:
            raise KeyError("level 2")
    except KeyError:
        raise ValueError("level 3")
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(" <- ".join(chain))
try:
    try:
        raise ValueError("a")
    except ValueError as err:
        raise err
except ValueError as e:
    print("re-raise same object, context:", e.__context__)
def no_cycle():
    try:
        raise KeyError("outer")
    except KeyError as outer:
        try:
            raise outer
        except KeyError as again:
            return again.__context__
print("no self-cycle:", no_cycle())
