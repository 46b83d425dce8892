def run(exc):
    try:
        raise exc
    except* ValueError as eg:
        print("ValueError handler:", type(eg).__name__, repr(eg.exceptions))
    except* TypeError as eg:
        print("TypeError handler:", type(eg).__name__, repr(eg.exceptions))
    except* (KeyError, IndexError) as eg:
        print("Lookup handler:", [type(x).__name__ for x in eg.exceptions])
run(ExceptionGroup("mixed", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)]))
print("---")
run(ValueError("naked exception gets wrapped"))
print("---")
try:
    run(ExceptionGroup("unhandled part", [OSError("os"), ValueError("v")]))
except ExceptionGroup as eg:
    print("escaped:", repr(eg), eg.message, [repr(x) for x in eg.exceptions])
print("---")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("handled all")
    print("continues after handled group")
except Exception as e:
    print("not reached", e)
try:
    raise ExceptionGroup("nested", [ValueError("a"), ExceptionGroup("inner", [ValueError("b"), TypeError("c")])])
except* ValueError as eg:
    print("matched nested ValueErrors:", repr(eg))
except* TypeError as eg:
    print("matched nested TypeErrors:", repr(eg))
def else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else runs with except*")
    finally:
        print("finally runs with except*")
else_finally()
try:
    raise TypeError("plain")
except* TypeError as eg:
    print(type(eg).__name__, eg.message == "", repr(eg))
