"""Constructing nodes: positional and keyword arguments, 3.13 defaults, errors,
__reduce__, copying, subclassing and __dict__ (the DeprecationWarnings are in
node_warnings.py)."""
import ast
import copy


def build(cls, *args, **kwargs):
    try:
        node = cls(*args, **kwargs)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
        return None
    print(ast.dump(node, include_attributes=True), sorted(node.__dict__))
    return node


build(ast.Name, "x")
build(ast.Name, id="x", ctx=ast.Store())
build(ast.Name, "x", ast.Load(), "extra")
build(ast.Name, "x", id="y")
build(ast.Name, id="x", lineno=4, col_offset=2)
build(ast.Constant, 5)
build(ast.Return)
build(ast.arguments)
build(ast.Module)
build(ast.alias, "os")
build(ast.ImportFrom, names=[ast.alias("x")])
build(ast.MatchAs)
build(ast.comprehension, ast.Name("x", ast.Store()), ast.Name("y"), [], 0)
build(ast.Load)
build(ast.AST)

n = ast.Name("x")
print(type(n.ctx).__name__, ast.Return().value, ast.expr.end_lineno, ast.Constant(1).kind)
print(ast.arguments().args, ast.arguments().vararg, ast.Dict().keys)

r = ast.Name("x").__reduce__()
print(r[0].__name__, r[1], sorted(r[2]), r[2]["ctx"] is ast.Name("y").ctx)
print(ast.Constant(1, lineno=3).__reduce__()[1:])
print(ast.Dict().__reduce__()[1])
print(ast.keyword(arg="k", value=ast.Constant(1)).__reduce__()[1])
print(ast.Load().__reduce__()[1:], ast.AST().__reduce__()[1:])


class X(ast.AST):
    _fields = ("a", "b")


print(X(1).__reduce__()[1:], X(1, 2).__reduce__()[1:], X(b=2).__dict__)
x = X(1)
print(hasattr(x, "b"), x.a, isinstance(x, ast.AST))

tree = ast.parse("def f(x):\n    return x + 1\n")
print(ast.dump(copy.copy(tree)) == ast.dump(tree), ast.dump(copy.deepcopy(tree), include_attributes=True) == ast.dump(tree, include_attributes=True))
dup = copy.deepcopy(tree)
print(dup.body[0] is not tree.body[0], dup.body[0].lineno, dup.body[0].name)

a = ast.AST()
a.anything = [1, 2]
print(a.__dict__, vars(a))
del a.anything
print(a.__dict__)


class Mine(ast.expr):
    _fields = ("payload",)

    def describe(self):
        return f"Mine({self.payload!r})"


m = Mine(payload=[1])
print(m.describe(), m._attributes, m.end_lineno, Mine.__mro__[1].__name__)

match ast.parse("total = price * 2").body[0]:
    case ast.Assign(targets=[ast.Name(id=name)], value=ast.BinOp(op=ast.Mult(), right=ast.Constant(value=k))):
        print("matched", name, k)
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(fn), [ast.Constant(arg)]):
        print("positional match", fn, arg)

