"""ast helpers on parsed trees (literal_eval, unparse, walk, NodeVisitor,
NodeTransformer, get_source_segment, get_docstring, increment_lineno,
fix_missing_locations) and compile() of AST objects."""
import ast

print(ast.literal_eval("[1, 2.5, 'a', (True, None), {'k': -3}, {1, 2}, b'x', 1+2j, -0.5]"))
print(ast.literal_eval("  {'nested': [1, (2, 3)], 'neg': -7}"))
for bad in ["x + 1", "f()", "[1, y]", "1 +", "__import__('os')"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

src = "def f(a, *b, c=1, **d):\n    '''Doc.'''\n    return [x * 2 for x in a if x]\n\nclass K(B, metaclass=M):\n    y: int = 3\n"
tree = ast.parse(src)
print(ast.unparse(tree))
print(ast.get_docstring(tree.body[0]), ast.get_docstring(tree))
print(ast.unparse(ast.parse("match p:\n case [1, *r] if r: pass\n case {'a': b, **kw}: pass\n case C(x=1) | None: pass")))
print(ast.unparse(ast.parse("f'{x!r:>10} {y=} {z:{w}}'")))
print(ast.unparse(ast.parse("lambda x, /, y=1, *, z: (x, y, z)")))
print(ast.unparse(ast.parse("type A[T: int] = list[T]")))

text = "x = 1\ny = 'é' + zed  # comment\n"
t = ast.parse(text)
print(ast.get_source_segment(text, t.body[1].value), ast.get_source_segment(text, t.body[1].value.right))
print(ast.get_source_segment("if a:\n    b = (1 +\n         2)\n", ast.parse("if a:\n    b = (1 +\n         2)\n").body[0].body[0].value, padded=True))

t = ast.parse("x = 1")
ast.increment_lineno(t, 3)
print(t.body[0].lineno, t.body[0].value.lineno, t.body[0].end_lineno)

module = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built by hand")], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(module), "<hand>", "exec"))


class TimesTen(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node


exec(compile(TimesTen().visit(ast.parse("print(1 + 2, 'a', [3])")), "<t>", "exec"))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__))
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self.seen.append(("def", node.name))
        self.generic_visit(node)


v = Names()
v.visit(ast.parse("a = b + c(d)\ndef g(p):\n    return p\n"))
print(v.seen)
print(sorted(type(n).__name__ for n in ast.walk(ast.parse("x = f(1, *y)"))))
print(ast.dump(ast.parse("x = [1, 2]"), indent=2))
print([f for f in ast.iter_fields(ast.parse("a.b").body[0].value)][1])
print([type(n).__name__ for n in ast.iter_child_nodes(ast.parse("f(x, y=1)").body[0].value)])

print(eval(compile(ast.parse("3 * 4 + 1", mode="eval"), "<e>", "eval")))
ns = {}
exec(compile(ast.parse("def sq(n):\n    return n * n\nresult = sq(9)"), "<m>", "exec"), ns)
print(ns["result"])
exec(compile(ast.parse("z = 5", mode="single"), "<s>", "single"), ns)
print(ns["z"])
tree = compile("q = 1", "<x>", "exec", ast.PyCF_ONLY_AST)
print(type(tree).__name__, compile(tree, "<x>", "exec", ast.PyCF_ONLY_AST) is tree)
print(ast.dump(ast.parse("(int, str) -> None", mode="func_type")))
print(ast.dump(ast.parse("x = 1", mode="single")))

for args in [(ast.Expression(ast.Constant(1)), "f", "exec"), (ast.Module([], []), "f", "eval"),
             (ast.Name("x"), "f", "single"), (5, "f", "exec", ast.PyCF_ONLY_AST),
             ("x", "f", "func_type"), ("x", "f", "nope", ast.PyCF_ONLY_AST),
             (ast.Module([], []), "f", "nope")]:
    try:
        compile(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
