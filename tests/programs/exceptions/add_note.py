try:
    raise ValueError("bad input")
except ValueError as e:
    e.add_note("while processing record 7")
    e.add_note("second note")
    print(e.__notes__)
    print(str(e), repr(e))
e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
e.__notes__ = ["replaced list"]
e.add_note("appended")
print(e.__notes__)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
def process(items):
    for i, item in enumerate(items):
        try:
            1 / item
        except ZeroDivisionError as exc:
            exc.add_note(f"item index {i}")
            raise
try:
    process([1, 2, 0])
except ZeroDivisionError as exc:
    print(exc, exc.__notes__)
eg = ExceptionGroup("group", [ValueError(1)])
eg.add_note("group note")
print(eg.__notes__, eg.exceptions[0].__notes__ if hasattr(eg.exceptions[0], "__notes__") else "inner has none")
