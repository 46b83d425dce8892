"""inspect (which imports ast, dis and opcode) without getsource: signatures,
predicates, generator and coroutine states, members."""
import inspect


def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc of f.

    More."""
    return str(a)


print(inspect.signature(f))
print(list(inspect.signature(f).parameters))
sig = inspect.signature(f)
print(sig.return_annotation, sig.parameters["b"].default, sig.parameters["b"].kind, sig.parameters["c"].kind)
print(sig.bind(1, c=3).arguments, sig.bind_partial(b=5).arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.signature(lambda x, /, y=1, *, z: 0))
print(inspect.getfullargspec(f))
print(inspect.getdoc(f))
print(inspect.cleandoc("""
    first
      indented
    last
"""))


def gen():
    yield 1
    yield 2


g = gen()
print(inspect.isgenerator(g), inspect.isgeneratorfunction(gen), inspect.isfunction(f), inspect.isbuiltin(len))
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g))


async def co():
    return 1


c = co()
print(inspect.iscoroutine(c), inspect.iscoroutinefunction(co), inspect.isawaitable(c), inspect.getcoroutinestate(c))
c.close()
print(inspect.getcoroutinestate(c))


class A:
    attr = 1

    def m(self, x):
        pass

    @classmethod
    def cm(cls, y):
        pass

    @staticmethod
    def sm(z):
        pass

    @property
    def p(self):
        return 1


print(inspect.signature(A.m), inspect.signature(A().m), inspect.signature(A.cm), inspect.signature(A.sm))
print(inspect.isclass(A), inspect.ismethod(A().m), inspect.isfunction(A.m), inspect.getmro(A))
print([n for n, _ in inspect.getmembers(A, inspect.isfunction)])
print(inspect.isdatadescriptor(A.__dict__["p"]), inspect.ismethoddescriptor(str.upper))
print(inspect.ismodule(inspect), inspect.unwrap(f) is f)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
fr = inspect.currentframe()
print(type(fr).__name__, fr.f_code.co_name)

import dis
import opcode
print(opcode.opmap["LOAD_CONST"], opcode.opname[opcode.opmap["RETURN_VALUE"]], len(opcode.hasjump) > 0)
print(dis.stack_effect(opcode.opmap["BUILD_LIST"], 3), dis.stack_effect(opcode.opmap["POP_TOP"]))
print(dis.COMPILER_FLAG_NAMES[32])
