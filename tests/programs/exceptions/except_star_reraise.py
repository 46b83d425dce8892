try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled ValueError part, raising inside handler")
        raise KeyError("new in handler")
except BaseException as e:
    print(type(e).__name__, repr(e))
    for sub in e.exceptions:
        print("  sub:", repr(sub), "context:", repr(sub.__context__))
print("---")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError:
        print("bare raise inside except* re-raises the matched part")
        raise
except ExceptionGroup as e:
    print(repr(e))
print("---")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError as vg:
        raise
    except* OSError:
        print("OSError handled")
except ExceptionGroup as e:
    print("re-raised group keeps original shape:", repr(e))
print("---")
for bad in ["break", "continue", "return"]:
    src = f"for i in range(1):\n    try:\n        pass\n    except* ValueError:\n        {bad}\n"
    if bad == "return":
        src = "def f():\n" + "\n".join("    " + l for l in src.splitlines())
    try:
        compile(src, "<t>", "exec")
    except SyntaxError as e:
        print(bad, "->", e.msg)
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
