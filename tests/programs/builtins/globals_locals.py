# globals() and locals()
x = 'global x'
g = globals()
print(g['x'], g['__name__'], '__builtins__' in g, type(g).__name__)
g['created'] = 'via globals'
print(created)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
def g2():
    v = 1
    l = locals()
    v = 2
    return l['v'], locals()['v']
print(g2())
class K:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(K.names)
print(locals() is globals())
def nested():
    outer_var = 'o'
    def inner():
        return sorted(locals()), outer_var
    return inner()
print(nested())
print([k for k in globals() if not k.startswith('__')][:3])
print(__name__, __doc__, __spec__ is None)
