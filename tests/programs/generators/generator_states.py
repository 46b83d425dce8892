import inspect
def gen():
    print("  inside, state:", inspect.getgeneratorstate(g))
    yield 1
    yield 2
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
list(g)
print(inspect.getgeneratorstate(g))
g2 = gen()
g2.close()
print(inspect.getgeneratorstate(g2))
def locals_gen(a):
    b = a * 2
    yield
    c = 3
    yield
lg = locals_gen(5)
print(inspect.getgeneratorlocals(lg))
next(lg)
print(inspect.getgeneratorlocals(lg))
next(lg)
print(inspect.getgeneratorlocals(lg))
print(inspect.isgenerator(lg), inspect.isgeneratorfunction(locals_gen), inspect.isgeneratorfunction(lambda: 0))
print(inspect.isgeneratorfunction(lambda: (yield)))
def suspended():
    yield
s = suspended()
print(s.gi_suspended, s.gi_running)
next(s)
print(s.gi_suspended, s.gi_running)
list(s)
print(s.gi_suspended, s.gi_frame)
