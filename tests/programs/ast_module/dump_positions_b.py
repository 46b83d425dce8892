"""ast.dump(..., include_attributes=True) of statements and expressions (second half):
fields and CPython's positions (UTF-8 byte columns)."""
import ast

SNIPPETS = [
    "r'raw\\n' 'x'",
    "'''doc\nstring'''",
    "x = 'é'; y = 1",
    'a = 1\r\nb = 2\r\n',
    '@ dec\nclass  C : pass',
    'if a:\n    pass\nelse:\n    if b:\n        pass\n',
    '',
    '# just a comment\n',
    "'''docstring'''\nx = 1\n",
    'def f():\n\tif x:\n\t\treturn 1\n',
    'x = [\n    1,\n    2,\n]\n',
    'print(a,\n      b)',
    'try:\n    pass\nfinally:\n    pass\n',
    'with a: pass',
    'def f():\n    yield\n',
    'x = (yield)',
    'class C(metaclass=M, **kw): pass',
    'f(**k, *a)',
    'f(a)(b)(c)',
    'x = a.b[c:d:e].f()',
    'x = not not a',
    'x = -1',
    'x = 1 if y else 2 if z else 3',
    'del (a, b), [c]',
    'for (a, b) in c: pass',
    "x = {**a, 'b': 1, **c}",
    'import a\nimport b as c',
    'from .mod import name',
    'from ... import x',
    "x: 'Ann' = 1",
    'a = b = c',
    'lambda *a, **k: 0',
    'lambda a, /, b: 0',
    'x = [*a, *b]',
    'print(1 if x else 2)',
    'a[()]',
    'a[:]',
    'a[1:]',
    'a[::]',
    'x = 0xFF_FF',
    'x = 1e10; y = 1.5e-3j',
    'x = 99999999999999999999999',
    "x = '\\N{BULLET}'",
    'global x',
    '(a for b in c if d)',
    'x = {}',
    'x = []',
    'x = (1)',
    '((a)) = 1',
    'f(a=1)(b=2)',
    'x = a @ b',
    'x = (a, *b)',
    'while 1: pass',
    'if x: pass\nelif y: pass',
    'try: pass\nexcept E: pass',
    'with a as (b, c): pass',
    "def f(a: int = 1, *, b: str = 'x') -> None: ...",
    'nonlocal_ = 1',
    'x = y = z = 0',
    'assert x',
    'raise',
    'raise E',
    'x = ...',
    'x = a if b else c',
    "'a' u'b'",
    "x = rb'\\d' + Rb'x' + BR'y'",
]

for src in SNIPPETS:
    print(repr(src))
    for mode in ("exec", "eval"):
        try:
            tree = ast.parse(src, mode=mode)
        except SyntaxError as e:
            print(" ", mode, "SyntaxError:", e.msg, e.lineno, e.offset)
            continue
        print(" ", mode, ast.dump(tree, include_attributes=True))
