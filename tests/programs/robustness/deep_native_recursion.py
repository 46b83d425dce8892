# Native re-entry recursion under a huge recursion limit ends in RecursionError, never a stack overflow
import sys
sys.setrecursionlimit(200000)
cases = {
 'getattr': "class A:\n def __getattr__(s, n): return getattr(s, n)\nA().x",
 'repr': "class R:\n def __repr__(s): return repr(s)\nrepr(R())",
 'eq': "class Q:\n def __eq__(s, o): return s == o\nQ() == Q()",
 'init': "class I:\n def __init__(s): I()\nI()",
 'map': "def f(x): return list(map(f, [x]))\nf(1)",
 'call': "class C:\n def __call__(s): return s()\nC()()",
 'prop': "class P:\n @property\n def p(s): return s.p\nP().p",
 'str_fmt': "class F:\n def __format__(s, spec): return format(s, spec)\nformat(F(), '')",
 'hash': "class H:\n def __hash__(s): return hash(s)\nhash(H())",
 'iter': "class T:\n def __iter__(s): return iter(s)\niter(T())",
 'len': "class L:\n def __len__(s): return len(s)\nlen(L())",
 'getitem': "class G:\n def __getitem__(s, i): return s[i]\nG()[0]",
 'add': "class D:\n def __add__(s, o): return s + o\nD() + 1",
 'bool': "class B:\n def __bool__(s): return bool(s)\nbool(B())",
 'del': "class X:\n def __init__(s): s.x = s\n def __del__(s): pass\n",
 'exec': "def e(): exec('e()', globals())\ne()",
 'genexp': "def g(): return sum(g() for _ in [1])\ng()",
 'contains': "class N:\n def __contains__(s, x): return x in s\n1 in N()",
 'setattr': "class S:\n def __setattr__(s, n, v): setattr(s, n, v)\nS().x = 1",
 'instancecheck': "class M(type):\n def __instancecheck__(c, o): return isinstance(o, c)\nclass K(metaclass=M): pass\nisinstance(1, K)",
}
for name, src in cases.items():
    try:
        exec(src, {})
        print(name, 'no error')
    except RecursionError as e:
        print(name, 'RecursionError')
    except Exception as e:
        print(name, type(e).__name__, e)
