def gen():
    print("gi_running inside:", g.gi_running)
    x = 10
    yield x
    yield x + 1
g = gen()
print(g.gi_running, g.gi_frame is not None, g.gi_code.co_name)
print(g.gi_frame.f_lineno == gen.__code__.co_firstlineno)
next(g)
print(g.gi_running, g.gi_frame.f_locals)
print(g.gi_frame.f_code is gen.__code__, g.gi_code is gen.__code__)
next(g)
list(g)
print(g.gi_frame, g.gi_running)
print(g.gi_yieldfrom)
def delegating():
    yield from gen_inner()
def gen_inner():
    yield "inner"
d = delegating()
next(d)
print(d.gi_yieldfrom.__name__, d.gi_yieldfrom.gi_yieldfrom)
print(gen.__code__.co_flags & 0x20 != 0)
def not_gen():
    return 1
print(not_gen.__code__.co_flags & 0x20 != 0)
