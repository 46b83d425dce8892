"""ast.parse(..., optimize=1) / PyCF_OPTIMIZED_AST: constant folding within CPython's
limits, tuples, subscripts, __debug__, `not` over is/in, literal lists and sets in
loops and `in` tests, '%s' formatting as f-strings, docstring protection."""
import ast
for s in ['1 + 2', '-1', 'not 1', '(1, 2, (3, 4))', '(1, x)', '"ab"[1]', 'x in [1, 2]', 'x in {1, 2}', 'for i in [1, 2]: pass', 'for i in {1, 2}: pass', '__debug__', '1/0', '2**1000', '"a" * 5000', '"%s-%r" % (a, b)', '"%d" % (a,)', '[1, 2]', 'x = (1, 2)', '(1, 2)[0]', 'a < 1 + 2', '~5', '+True', '-(1+2)', 'f"{1+1}"', 'x not in [a, b]', '(1, -2)', '"%s" % a', '1 if 2 else 3', '[i for i in [1, 2]]', '{**{}}', 'b"a" + b"b"', '10 ** 2 ** 3', '1 << 200',
  '"abc"[0:2]', '(1,2,3)[1:]', '"%5s|%-3r|%.2a" % (a, b, c)', '"%s%%" % (a,)', '"%s" % (a, b)', '"%s %s" % (a,)', 'not a in b', 'not (a is b)', 'not a == b', 'x = -(-1)', 'x = 3 * (1, 2)', 'x = (1,) * 300', 'x = 2 ** 0.5', 'x = 1 - True', 'x[1+1]', 'async def f():\n async for i in [1, 2]: pass', '[a for a in {b, 1}]',
  'x = "abc"[1]', '("ab"[0], 1)', '"a" + "b"', 'x = "ab" * 2', '"abc"[-1]', '"é"[0]', '{1:2}[1]', 'def f():\n    "a" "b"\n    "c" + "d"\n', 'def f():\n    "c" + "d"\n', 'class C:\n    "x"[0]\n', 'x = 2 ** 64 * 2 ** 64', 'x = 2 ** 100 * 2 ** 100', 'x = "ab" % ()', 'x = 7 % 3', 'x = 1 << 10', 'x = 5 >> 1', 'x = 6 & 3 | 8 ^ 1', 'x = 7 // 2', 'x = 1.5 + 2j', 'match v:\n    case -1 | 1 + 2j: pass\n', 'for x in [*a, 1]: pass', 'x = [1, 2] + [3]', 'del (a, b)', '(a, b) = 1, 2', 'x = ((1, 2),) * 3', 'x = (1,) * -1']:
    print(repr(s), '=>', ast.dump(ast.parse(s, optimize=1), include_attributes=True))
print(ast.dump(ast.parse('__debug__', optimize=0)), ast.dump(ast.parse('x = __debug__', optimize=2)))
print(ast.dump(compile('__debug__', 'f', 'eval', ast.PyCF_OPTIMIZED_AST)))
