# list() constructor and list.__init__ semantics
print(list(), list('abc'), list((1, 2)), list({'a': 1, 'b': 2}), list(range(3)), list({3}))
print(list(x for x in 'hi'), list(map(abs, [-1, -2])), list(b'ab'), list(iter([7])))
a = [1, 2, 3]
a.__init__('xy')
print(a)
a.__init__()
print(a)
class L(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 'yes'
l = L('ab')
print(l, l.extra, type(l).__name__, isinstance(l, list), l + ['c'], type(l + ['c']).__name__)
class Counted(list):
    pass
c = Counted([3, 1, 2])
c.sort()
print(c, type(c[:]).__name__, type(c * 2).__name__, repr(c))
for bad in (5, None, 1.5):
    try:
        list(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(iterable=[1])
except TypeError as e:
    print(type(e).__name__, e)
class WithLen:
    def __iter__(self):
        return iter([1, 2])
    def __len__(self):
        return 100
print(list(WithLen()))
