# WeakValueDictionary, WeakKeyDictionary, WeakSet
import weakref
class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Item(%s)' % self.name
a, b, c = Item('a'), Item('b'), Item('c')
wvd = weakref.WeakValueDictionary()
wvd['a'] = a
wvd['b'] = b
print(sorted(wvd.keys()), wvd['a'], len(wvd), 'b' in wvd)
del b
print(sorted(wvd.keys()), len(wvd), wvd.get('b', 'gone'))
try:
    wvd['b']
except KeyError as e:
    print(type(e).__name__, e)
wkd = weakref.WeakKeyDictionary()
wkd[a] = 1
wkd[c] = 3
print(len(wkd), wkd[a], sorted(v for v in wkd.values()))
del c
print(len(wkd), list(wkd.values()))
ws = weakref.WeakSet()
items = [Item(str(i)) for i in range(4)]
for it in items:
    ws.add(it)
print(len(ws), items[0] in ws)
del items[1:3]
print(len(ws), sorted(x.name for x in ws))
ws.discard(items[0])
print(len(ws))
del it
items.clear()
print(len(ws), list(ws))
try:
    ws.add(1)
except TypeError as e:
    print(type(e).__name__, e)
print(type(wvd).__name__, type(wkd).__name__, type(ws).__name__)
