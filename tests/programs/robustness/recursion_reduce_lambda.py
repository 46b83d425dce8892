# recursion through builtins and C-implemented helpers
import functools
f = lambda acc, x: functools.reduce(f, [acc, x])
try:
    functools.reduce(f, [1, 2, 3])
except RecursionError as e:
    print('reduce', type(e).__name__, e)
g = lambda x: list(map(g, [x]))
try:
    g(1)
except RecursionError as e:
    print('map', type(e).__name__, e)
h = lambda x: sorted([x, x], key=h)
try:
    h(1)
except RecursionError as e:
    print('sorted', type(e).__name__, e)
def via_exec(n):
    exec('via_exec(n + 1)', {'via_exec': via_exec, 'n': n})
try:
    via_exec(0)
except RecursionError as e:
    print('exec', type(e).__name__, e)
def gen_rec():
    yield from gen_rec()
try:
    next(gen_rec())
except RecursionError as e:
    print('yield from', type(e).__name__, e)
class Meta(type):
    def __call__(cls, *a):
        return cls()
class Obj(metaclass=Meta):
    pass
try:
    Obj()
except RecursionError as e:
    print('metaclass call', type(e).__name__, e)
print('done')
