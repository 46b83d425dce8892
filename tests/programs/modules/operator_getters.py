# operator.itemgetter, attrgetter, methodcaller
from operator import itemgetter, attrgetter, methodcaller
g = itemgetter(1)
print(g('abc'), g([10, 20]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 'v'}), itemgetter(slice(1, 3))('hello'))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)), repr(itemgetter(1)), repr(itemgetter('a', 'b')))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return f'{greeting}, {self.name}{punct}'
p = P('outer', P('inner'))
print(attrgetter('name')(p), attrgetter('inner.name')(p), attrgetter('name', 'inner.name')(p), repr(attrgetter('a.b')))
print(methodcaller('greet', 'Hi')(p), methodcaller('greet', 'Yo', punct='?')(p), methodcaller('upper')('abc'))
print(repr(methodcaller('greet', 'Hi', punct='.')))
try:
    itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    attrgetter('missing')(p)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    attrgetter(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    methodcaller()
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(itemgetter(0), ['ab', 'cd'])), max([{'n': 3}, {'n': 7}], key=itemgetter('n')))
