# fromkeys, copy, clear
print(dict.fromkeys('abc'), dict.fromkeys(['x', 'y'], 0), dict.fromkeys([]), dict.fromkeys(range(3), 'v'))
shared = dict.fromkeys(['a', 'b'], [])
shared['a'].append(1)
print(shared)
from collections import OrderedDict
print(OrderedDict.fromkeys('ab'), type(OrderedDict.fromkeys('ab')).__name__)
class D(dict):
    pass
print(type(D.fromkeys('a')).__name__, D.fromkeys([1, 1, 2]))
orig = {'k': [1, 2], 'n': 1}
c = orig.copy()
c['k'].append(3)
c['n'] = 99
print(orig, c, c is orig)
c.clear()
print(c, orig, len(c))
print(type(D(a=1).copy()).__name__)
try:
    dict.fromkeys()
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict.fromkeys([[1]])
except TypeError as e:
    print(type(e).__name__, e)
