def leaves(exc, depth=0):
    if isinstance(exc, BaseExceptionGroup):
        print("  " * depth + f"group {exc.message!r} ({len(exc.exceptions)})")
        for sub in exc.exceptions:
            leaves(sub, depth + 1)
    else:
        print("  " * depth + repr(exc))
tree = ExceptionGroup("level0", [
    ValueError("a"),
    ExceptionGroup("level1", [
        TypeError("b"),
        ExceptionGroup("level2", [ValueError("c"), OSError("d")]),
    ]),
    KeyError("e"),
])
leaves(tree)
only_values = tree.subgroup(ValueError)
print("--- subgroup(ValueError)")
leaves(only_values)
print("--- split(OSError) rest")
leaves(tree.split(OSError)[1])
try:
    raise tree
except* ValueError as vg:
    print("--- except* ValueError got")
    leaves(vg)
except* TypeError as tg:
    print("--- except* TypeError got")
    leaves(tg)
except* (OSError, KeyError) as og:
    print("--- except* (OSError, KeyError) got")
    leaves(og)
def collect():
    errors = []
    for i in range(3):
        try:
            if i % 2:
                raise ValueError(f"odd {i}")
            raise TypeError(f"even {i}")
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("collected", errors)
try:
    collect()
except* TypeError as g:
    print("types:", [str(e) for e in g.exceptions])
except* ValueError as g:
    print("values:", [str(e) for e in g.exceptions])
