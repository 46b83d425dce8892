# reference cycles are reclaimed by gc.collect(); observed through weakref callbacks
import gc
import weakref
gc.disable()
class Node:
    pass
reclaimed = []
a = Node()
b = Node()
a.other = b
b.other = a
ra = weakref.ref(a, lambda r: reclaimed.append('a'))
rb = weakref.ref(b, lambda r: reclaimed.append('b'))
del a, b
print('after del:', ra() is not None, rb() is not None, reclaimed)
gc.collect()
print('after collect:', ra(), rb(), sorted(reclaimed))
self_loop = Node()
self_loop.me = self_loop
r = weakref.ref(self_loop)
del self_loop
print(r() is not None)
gc.collect()
print(r())
lst = []
lst.append(lst)
class Box:
    pass
box = Box()
box.lst = lst
lst.append(box)
rbox = weakref.ref(box)
del lst, box
gc.collect()
print(rbox())
d = {}
d['self'] = d
n = Node()
n.d = d
d['n'] = n
rn = weakref.ref(n)
del d, n
gc.collect()
print(rn())
gc.enable()
print(gc.garbage)
