"""compile() of AST objects: the structural checks of obj2ast (required fields and
positions, list fields, identifier/int/constant types, constructor kinds)."""
import ast, warnings
warnings.simplefilter("ignore")
def P(**k): return dict(lineno=1, col_offset=0, **k)
m = ast.Module([ast.Expr(ast.Name('x', ast.Load(), **P()), **P())], []); del m.type_ignores
cases = [ast.Module([ast.Expr(ast.Name('x', ast.Load()))], []),
 ast.Module([ast.Expr(ast.Name('x', ast.Load()), lineno=1)], []),
 ast.Module([ast.Expr(ast.Name('x', ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
 ast.Module([ast.Expr(lineno=1, col_offset=0)], []),
 ast.Module([ast.Expr(ast.Name(5, ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
 ast.Module([ast.Expr(ast.Constant([1], lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
 ast.Module(None, []),
 ast.Module([5], []),
 m, ast.Module([ast.Expr(None, **P())], []), ast.Module([ast.Expr(ast.Load(), **P())], []),
 ast.Module([ast.Assign([ast.Name('x', ast.Store(), **P())], ast.Constant(1, **P()), **P())], []),
 ast.Module([ast.Expr(ast.Constant(1, **P()), lineno='a', col_offset=0)], []),
 ast.Module([ast.Expr(ast.Constant((1, [2]), **P()), **P())], []),
 ast.Module([ast.Expr(ast.Constant(frozenset({1}), **P()), **P())], []),
 ast.Expression(ast.Name('x', ast.Load(), **P())),
 ast.Expression(None),
 ast.Module([ast.Expr(ast.Name('x', None, **P()), **P())], []),
 ast.Module([ast.ImportFrom('m', [ast.alias('x')], 0, **P())], []),
 ast.Module([ast.Expr(ast.Call(ast.Name('f', ast.Load(), **P()), [], [ast.keyword('a', ast.Constant(1, **P()))], **P()), **P())], []),
 ast.Module([ast.Expr(ast.BinOp(ast.Constant(1, **P()), None, ast.Constant(2, **P()), **P()), **P())], []),
 ast.Module([ast.Expr(ast.BinOp(ast.Constant(1, **P()), ast.Load(), ast.Constant(2, **P()), **P()), **P())], []),
 ast.parse("def f(x=1, *, y):\n    return {**x, 1: 2}\n"),
]
for c in cases:
    try: compile(c, 'f', 'exec' if isinstance(c, ast.Module) else 'eval'); print('ok')
    except Exception as e: print(type(e).__name__, str(e).split(" at 0x")[0])
node = ast.Module([ast.Expr(ast.Name('x', ast.Load(), **P()), **P())], [])
node.body[0].value = node
try: compile(node, 'f', 'exec')
except Exception as e: print(type(e).__name__, e)
tree = ast.parse("x = 1\nprint(x + 1)\n")
del tree.type_ignores
exec(compile(tree, "<no type_ignores>", "exec"))
fixed = ast.fix_missing_locations(ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("fixed")], []))], []))
exec(compile(fixed, "<fixed>", "exec"))
