# update and in-place method forms with multiple iterables
s = {1}
s.update([2, 3], (4,), {5: 'x'}, range(6, 8))
print(s)
s.intersection_update([1, 2, 3, 4, 9], {2, 3, 4, 10})
print(s)
s.difference_update([2], (3,))
print(s)
s.symmetric_difference_update([4, 5, 6])
print(s)
s.update()
print(s)
r = {1, 2, 3}
print(r.union(), r.intersection(), r.difference(), r.union() is r)
try:
    s.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.symmetric_difference_update([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
print(set('hello') == {'h', 'e', 'l', 'o'}, len(set('mississippi')))
print(sorted(set('cba')), set(), repr(set()), set([]), set(()))
