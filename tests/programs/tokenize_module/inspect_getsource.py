# inspect.getsource / getblock: BlockFinder runs over tokenize.generate_tokens.
# (inspect imports ast, so this program also needs the _ast module.)
import inspect


def f(a,
      b=2):
    """doc"""
    return (a +
            b)


class C:
    def m(self):
        x = [1,
             2]
        return x

    @staticmethod
    def s(): return 1


g = lambda x: (x +
               1)

print(inspect.getsource(f))
print(inspect.getsource(C.m))
print(inspect.getsource(C.s))
print(inspect.getsource(g))
print(inspect.getsource(C))
print(inspect.getsourcelines(f)[1])

source = """\
def outer(x):
    return inner(x) + 1

def inner(y):
    return 10 // y
"""
lines = source.splitlines(True)
print(inspect.getblock(lines))
print(inspect.getblock(lines[3:]))
print(inspect.getblock(["x = [1,\n", "     2]\n", "y = 3\n"]))
print(inspect.getblock(["@dec\n", "def f():\n", "    return 1\n", "g = 2\n"]))
print(inspect.getblock(["lambda: (1 +\n", "   2)\n", "x\n"]))
