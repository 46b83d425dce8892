def override_return():
    try:
        return "from try"
    finally:
        return "from finally"
print(override_return())
def swallow_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows the exception"
print(swallow_exception())
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    finally_raises()
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def finally_sees_value():
    x = "before"
    try:
        x = "in try"
        return x
    finally:
        x = "changed in finally"
        print("finally sets x after return value computed:", x)
print(finally_sees_value())
def mutable_return():
    data = []
    try:
        return data
    finally:
        data.append("appended in finally")
print(mutable_return())
def loop_finally():
    results = []
    for i in range(3):
        try:
            if i == 1:
                return results
            results.append(i)
        finally:
            results.append(f"f{i}")
    return results
print(loop_finally())
def break_in_finally():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            break
    return "exception discarded by break"
print(break_in_finally())
def nested_finally():
    try:
        try:
            return 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def except_return_finally():
    try:
        raise KeyError
    except KeyError:
        return "from except"
    finally:
        print("finally after except return")
print(except_return_finally())
