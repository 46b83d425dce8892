# code objects: stable attributes only
def sample(a, b, c=3, *args, d, e=5, **kw):
    local1 = a + b
    local2 = 'text'
    return local1, local2
code = sample.__code__
print(code.co_name, code.co_qualname, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames)
print(code.co_nlocals, code.co_filename.endswith('code_objects.py'), code.co_firstlineno)
print('text' in code.co_consts, type(code.co_code).__name__, code.co_freevars, code.co_cellvars)
def pos(x, y, /, z):
    pass
print(pos.__code__.co_posonlyargcount, pos.__code__.co_argcount)
def closure():
    v = 1
    def inner():
        return v
    return inner
print(closure.__code__.co_cellvars, closure().__code__.co_freevars)
print(bool(code.co_flags & 0x04), bool(code.co_flags & 0x08), bool((lambda: 0).__code__.co_flags & 0x04))
def gen():
    yield
print(bool(gen.__code__.co_flags & 0x20))
c2 = compile('x = 1\ny = x + 2', '<string>', 'exec')
print(c2.co_name, c2.co_filename, c2.co_names)
ns = {}
exec(c2, ns)
print(ns['y'])
r = code.replace(co_name='renamed')
print(r.co_name, type(r).__name__, code.co_name)
print(sample.__code__.co_lines is not None, len(list(c2.co_lines())) > 0)
