# unhashable keys
d = {}
for key in ([1], {}, {1}, bytearray(b'x'), ([1],)):
    try:
        d[key] = 1
    except TypeError as e:
        print(type(e).__name__, e)
for key in ([], {}):
    try:
        key in d
    except TypeError as e:
        print('in:', type(e).__name__, e)
try:
    d.get([])
except TypeError as e:
    print('get:', type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print('literal:', type(e).__name__, e)
class NoHash:
    __hash__ = None
try:
    d[NoHash()] = 1
except TypeError as e:
    print(type(e).__name__, e)
class EqOnly:
    def __eq__(self, other):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
print(EqOnly.__hash__)
d[frozenset([1])] = 'ok'
d[(1, 2)] = 'ok'
print(d)
