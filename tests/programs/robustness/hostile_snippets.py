# Hostile snippets after the recursion limit was raised: each ends in CPython's exception
import sys
tests = [
 "x = [1]; x.sort(key=lambda v: x.clear())",
 "d = {i: i for i in range(10)}\nfor k in d: d[k+100] = 1",
 "class A:\n def __eq__(s, o): raise ValueError\n__hash__=None\n[A()].index(A())",
 "class B:\n def __len__(s): return -1\nlen(B())",
 "class C:\n def __index__(s): return 'x'\n[1][C()]",
 "import sys; sys.setrecursionlimit(10**6)\ndef f(): f()\nf()",
 "a = []; a.append(a); print(repr(a)); d = {}; d[1] = d; print(d)",
 "bytearray(10**19)",
 "'x' * (10**19)",
 "[0] * 10**18",
 "s = set(range(5))\nfor x in s: s.add(x+10)",
 "class M(type):\n def __mro__(s): return 1\nclass X(metaclass=M): pass",
 "import gc\nclass D:\n def __del__(s): gc.collect()\nfor i in range(3): D()",
 "f = (lambda: (yield))()\nnext(f)\nf.throw(StopIteration)",
 "def g():\n    yield from g()\nnext(g())",
 "eval('(' * 300 + ')' * 300)",
 "exec(compile('x=1', 'f', 'exec', flags=0x7fffffff))",
 "int('1'*5000)",
 "float('1e400') ** 2; (1e308*10) - (1e308*10)",
 "import itertools; list(itertools.islice(itertools.count(), -1))",
 "memoryview(b'abc')[5]",
 "''.join([1])",
 "object.__new__(int)",
 "type('X', (int, str), {})",
 "x = 1\ndel x\nx",
 "print(*range(3), sep=None, end=5)",
 "sorted([3, 'a'])",
 "round(1.5, 10**20)",
 "divmod(1, 0.0)",
 "pow(2, -1, 4)",
 "complex('1+2j+3')",
 "chr(-1)",
 "setattr(1, 'a', 2)",
 "dict.fromkeys(range(3)).popitem(1)",
 "class E(BaseException):\n def __str__(s): raise E()\nraise E()",
]
for t in tests:
    try:
        exec(t, {})
    except BaseException as e:
        print(type(e).__name__, str(e)[:80])
