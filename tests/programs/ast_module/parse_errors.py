"""ast.parse of invalid or unusual source: CPython's SyntaxError messages, what the
parser accepts that the compiler would reject, deep nesting without crashing."""
import ast


def tryparse(src, mode="exec"):
    try:
        tree = ast.parse(src, mode=mode)
        print("OK", ast.dump(tree)[:120])
    except (SyntaxError, ValueError, RecursionError) as e:
        print(type(e).__name__, e.args[0] if e.args else "", getattr(e, "lineno", None), getattr(e, "offset", None))


tryparse("x=1\ny=2", "single")
tryparse("x=1\n", "single")
tryparse("if x:\n  pass\n", "single")
tryparse("def f(:\n pass")
tryparse("x = (1,")
tryparse("1 = x")
tryparse("f(**x, *y)")
tryparse("x = 'unterminated")
tryparse("  x = 1")
tryparse("def f():\nreturn")
tryparse("a b")
tryparse("print 1")
tryparse("del f()")
tryparse("x = 1", "eval")
tryparse("1 if 2 else 3", "eval")
# Accepted by the parser; only the compiler rejects these.
tryparse("return 1")
tryparse("break")
tryparse("await x")
tryparse("nonlocal x")
tryparse("def f():\n    x = 1\n    global x\n")
tryparse("class C:\n  return 1")
tryparse("'\\ud800' + '\\udfff'")
tryparse(b"x = 1\n")
tryparse("x\n\n")
tryparse("(" * 100 + ")" * 100)
tryparse("-" * 1000 + "1")
tryparse("x" + ".y" * 2000)
tryparse("[" * 150 + "]" * 150)
tryparse("(" * 201 + ")" * 201)
tryparse("f(" * 300 + ")" * 300)
tryparse("if x:\n" + "".join(" " * i + "if x:\n" for i in range(1, 120)) + " " * 120 + "pass\n")
tryparse("x" + ".y" * 50000)
try:
    ast.parse("x", mode="bad")
except ValueError as e:
    print(e)
print(ast.dump(ast.parse("async def f(): pass", feature_version=(3, 8))))
