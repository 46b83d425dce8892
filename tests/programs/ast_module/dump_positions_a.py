"""ast.dump(..., include_attributes=True) of statements and expressions (first half):
fields and CPython's positions (UTF-8 byte columns)."""
import ast

SNIPPETS = [
    'x = 1',
    'a, b = c, d = 1, 2',
    'x: int = 5\n(y): str\nz.a: int',
    'x += 1; y -= 2; z @= w; q //= 3; r **= 2; s >>= 1; t <<= 1; u |= 1; v ^= 1; w &= 1; m %= 2; n /= 3; o *= 2',
    'def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a\n',
    '@dec\n@dec2(1)\ndef f():\n    pass\n',
    '@dec\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): ...\n',
    'class D: pass',
    'lambda: 0',
    'lambda x, *y, z=1, **k: x + z',
    'f(a, *b, c=1, **d)',
    'f(x for x in y)',
    'g((x for x in y), 1)',
    '[x for x in y if x if not x]',
    '{x for x in y}',
    '{k: v for k, v in items}',
    '(x for x in y for z in x)',
    'global a, b\nnonlocal c',
    'try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n',
    'try:\n    pass\nexcept* E as e:\n    pass\n',
    'if a:\n    pass\nelif b:\n    pass\nelif c:\n    x\nelse:\n    y\n',
    'while x:\n    break\nelse:\n    continue\n',
    'for i in range(3):\n    pass\nelse:\n    pass\n',
    'with open(f) as g, h:\n    pass\n',
    'with (a as b, c as d):\n    pass\n',
    'import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *',
    'raise E from e',
    "assert x, 'msg'",
    'del a, b[1], c.d',
    'x[1:2, ::3, 4]',
    'x[a:b]',
    'x[1]',
    'a if b else c',
    'not a and b or c',
    'a < b <= c != d is e is not f in g not in h',
    '-x + ~y * +z ** 2 / 3 // 4 % 5 @ m << 1 >> 2 & 3 | 4 ^ 5',
    '(x := 10)',
    '{1: 2, **d}',
    '{1, 2}',
    '[1, *a]',
    '()',
    '(1,)',
    '1, 2',
    '...',
    'None; True; False',
    '1.5; 2j; 0x10; 1_000; 10**100; 123456789012345678901234567890; 0o17; 0b101',
    "'a' 'b'",
    "u'x'",
    'yield\nyield x\nyield from y',
    "print('héllo', x)\ny = 'é' + z",
    'x = (\n  1 +\n  2\n)',
    'if x:\n    # comment\n    pass\n',
    'a.b.c(d)[e]',
    '*a, b = c',
    'def f(*, a): pass',
    'def f(a, /): pass',
    'x = \\\n  1',
    '@property\n\ndef f(): pass',
    'return 1',
    'break',
    "print(*args, sep='')",
    "x = 'a\\nb'",
    'class A(B, C): pass',
    'for x, y in z: pass',
    'a[b, c] = 1',
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
