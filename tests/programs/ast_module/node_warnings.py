"""The 3.13 constructor's DeprecationWarnings: missing required fields, unknown
keyword arguments, fields missing from _field_types; and warnings as errors."""
import ast
import warnings


def build(cls, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        node = cls(*args, **kwargs)
    for w in caught:
        print("   ", w.category.__name__, w.message)
    print(ast.dump(node), sorted(node.__dict__))


build(ast.Name)
build(ast.Name, id="x", foo=3)
build(ast.Constant)
build(ast.FunctionDef, "f", ast.arguments())
build(ast.keyword, value=ast.Constant(1))
build(ast.alias)


class Partial(ast.AST):
    _fields = ("a", "b")
    _field_types = {"a": int}


build(Partial, 1)
build(Partial)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        ast.Name()
    except DeprecationWarning as e:
        print("raised:", e)
    try:
        ast.Name("x", bogus=1)
    except DeprecationWarning as e:
        print("raised:", e)

c = ast.Constant(value=7)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(c.n, c.s)
print([str(w.message) for w in caught])
