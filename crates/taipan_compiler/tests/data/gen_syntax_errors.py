"""Regenerates syntax_errors.txt from CPython 3.13: PYENV_VERSION=3.13.0 python3.13 gen_syntax_errors.py"""
import os

SNIPPETS = [
    "f(1, 2\n", "x = (1, 2\n", "x = [1, 2\ny = 3\n", "{'a': 1\n", "foo(\n  a,\n  b\n",
    "x = 1)\n", "x = ]\n", "}\n", "x = (1, 2]\n", "x = (1,\n 2]\n",
    "x = 1 +\n", "if x\n    pass\n", "def f()\n    pass\n", "class C\n    pass\n", "for x in y\n  pass\n",
    "while x\n  pass\n", "x = 'abc\n", "x = \"abc\ny = 1\n", "x = '''abc\n\ny = 1\n", "x = 1abc\n",
    "x = 0x\n", "  x = 1\n", "if x:\npass\n", "if x:\n    pass\n  y = 1\n", "def f():\nreturn 1\n",
    "if x:\n\tpass\n        pass\n", "return 1\n", "yield 1\n", "await x\n", "def f():\n    await x\n",
    "break\n", "continue\n", "for x in y:\n    def f():\n        break\n", "nonlocal x\n", "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    global x\n", "def f():\n    print(x)\n    global x\n", "def f(x):\n    global x\n", "1 = x\n", "f() = 1\n",
    "a + b = 1\n", "del f()\n", "del 1\n", "(a, b) += 1\n", "[a, b] += 1\n",
    "f(x=1, x=2)\n", "f(x=1, 2)\n", "def f(x, x): pass\n", "def f(x=1, y): pass\n", "def f(*, **k): pass\n",
    "*a = 1\n", "a, *b, *c = 1\n", "print 'hello'\n", "print x\n", "True = 1\n",
    "__debug__ = 1\n", "None = 1\n", "async def f():\n    yield 1\n    return 2\n", "f'{'\n", "f'{}'\n",
    "f'{x!z}'\n", "x = 1 2\n", "x = [1 2]\n", "f(a b)\n", "import\n",
    "from x import\n", "def\n", "class\n", "x = (yield)\n", "lambda x: (yield)\n",
    "x = 5 if 3\n", "a = b = \n", "x +=\n", "if x = 1:\n    pass\n", "def f(:\n    pass\n",
    "x = {1: 2, 3}\n", "'a' 'b' = 1\n", "x.y.z() = 3\n", "for 1 in x: pass\n", "with x as 1: pass\n",
    "try:\n    pass\n", "try:\n    pass\nx = 1\n", "else:\n    pass\n", "x = 1 if y else\n", "def f():\n    x: int = 1\n    global x\n",
    "class C:\n    nonlocal x\n", "import a.b as\n", "[x for x in y] = 1\n", "x = `1`\n", "x = 1 ++\n",
    "a b c\n", "1 +* 2\n", "f(**x, *y)\n", "@\ndef f(): pass\n", "def f(x):\n    nonlocal x\n",
    "def f():\n    from os import *\n", "[(yield) for x in y]\n", "def f():\n    [x := 1 for x in y]\n", "lambda x, x: 1\n", "def f(__debug__): pass\n",
    "f(__debug__=1)\n", "del __debug__\n", "class C:\n    [x := 1 for y in z]\n", "async def f():\n    yield from x\n", "def f():\n    async with x: pass\n",
    "def f():\n    async for x in y: pass\n", "x = [i async for i in y]\n", "f(x for x in y, 1)\n", "def f():\n    global x\n    nonlocal x\n", "from __future__ import braces\n",
    "from __future__ import nope\n", "x = 1\nfrom __future__ import annotations\n", "x = 'a' 'b\n", "def f(*): pass\n", "def f(**k, a): pass\n",
    "a = 1 if b\n", "x = (1 for y in z) = 2\n", "with (yield) as x: pass\n", "(x) := 1\n", "x.y := 1\n",
    "if True:\n        x = 1\n    y = 2\n", "x = \\\n", "x = 1 \\ 2\n", "for x in range(3):\n    pass\n  else: pass\n", "print(f'{x=!r:>10}')\nz = )\n",
    "nonlocal_ = 1\ndef g():\n    def h():\n        nonlocal nonlocal_\n", "class A:\n    def f(self):\n        return\n    x = (yield)\n", "case = 1\nmatch = 2\nprint(case, match)\n", "match x:\n    case {1: a, 1: b}:\n        pass\n", "match x:\n    case a | b:\n        pass\n",
    "match x:\n    case [a, *b, *c]:\n        pass\n", "match x:\n    case C(a=1, a=2):\n        pass\n", "match x:\n    case y:\n        pass\n    case z:\n        pass\n", "def f[T, T](): pass\n", "type X = (yield)\n",
    "x = (\n", "x = [\n1,\n", "try:\n    x\nexcept:\n    pass\nexcept E:\n    pass\n", "match x:\n    case 1:\n        pass\n    case _:\n        pass\n    case 2:\n        pass\n", "x = $\n",
]

def enc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")

out = []
for src in SNIPPETS:
    try:
        compile(src, "<s>", "exec")
        out.append("### " + enc(src) + "\nOK\n")
    except SyntaxError as e:
        out.append("### %s\n%s|%s|%s|%s\n" % (enc(src), type(e).__name__, e.msg, e.lineno, e.offset))
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "syntax_errors.txt"), "w") as f:
    f.write("".join(out))
