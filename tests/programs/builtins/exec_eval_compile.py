# exec, eval and compile with globals/locals
print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('y', {}, {'y': 'local'}))
g = {}
exec('a = 5\nb = a * 2', g)
print(g['a'], g['b'], '__builtins__' in g)
l = {}
exec('c = d + 1', {'d': 10}, l)
print(l)
code = compile('40 + 2', '<expr>', 'eval')
print(type(code).__name__, eval(code), code.co_filename)
code = compile('for i in range(2): print("loop", i)', '<exec>', 'exec')
exec(code)
single = compile('1 + 1', '<single>', 'single')
exec(single)
exec(compile('None', '<single>', 'single'))
exec(compile('x = 3', '<single>', 'single'))
print(eval('len("abc")', {'__builtins__': {'len': len}}))
try:
    eval('len("abc")', {'__builtins__': {}})
except NameError as e:
    print(type(e).__name__, e)
try:
    eval('x = 1')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename, repr(e.text))
try:
    compile('1 +', 'myfile.py', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile('x', 'f', 'bogus')
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
print(exec('1'), eval('[i for i in range(3)]'), eval(' 7 '), eval('\t8\n'))
def f():
    z = 'func local'
    return eval('z'), eval('z', None, {'z': 'override'})
print(f())
ns = {'result': None}
exec('def sq(n):\n    return n * n\nresult = sq(9)', ns)
print(ns['result'], ns['sq'].__name__, ns['sq'].__module__ if '__name__' in ns else 'no module')
print(eval(compile('a + 1', '', 'eval'), {'a': 1}), eval(b'2 + 2'))
