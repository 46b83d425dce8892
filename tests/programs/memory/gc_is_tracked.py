# gc.is_tracked: atomic values are untracked, containers tracked
import gc
samples = [0, 10 ** 30, 1.5, 'text', b'bytes', None, True, [], [1, 2], {}, {'a': 1}, {'a': []},
           set(), frozenset(), (), ([],), object()]
for s in samples:
    print(type(s).__name__, gc.is_tracked(s))
class C:
    pass
print('instance', gc.is_tracked(C()))
def f():
    pass
print('function', gc.is_tracked(f))
t = tuple([1, 2, 3])
gc.collect()
print('atomic tuple after collect', gc.is_tracked(t))
d = {'x': 1}
d['y'] = [2]
print('dict gaining a list', gc.is_tracked(d))
