# slice objects and slice.indices
s = slice(1, 10, 2)
print(s, repr(slice(5)), slice(None), slice(1, None), s.start, s.stop, s.step, slice(3).start)
print(s.indices(5), slice(None).indices(4), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(-100, 100).indices(7), slice(10, -10, -3).indices(8), slice(0, 0).indices(0))
print(list(range(10))[s], 'abcdefghij'[slice(None, None, -2)], (0, 1, 2, 3)[slice(1, 3)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3))
print(hash(slice(1, 2)) == hash(slice(1, 2)))
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice('a', 'b').indices(3)
except TypeError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, key):
        return key
q = Seq()
print(q[1:2], q[::3], q[1:2, 3], q[...], q[:, None], q['x':])
print(slice('a', 'z', [1]))
print(slice(1, 2, 0).indices(3))
