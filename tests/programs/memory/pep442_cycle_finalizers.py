# PEP 442: objects with __del__ in cycles are finalized and freed
import gc
gc.disable()
log = []
class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
a = Fin('a')
b = Fin('b')
a.peer = b
b.peer = a
del a, b
print('before collect', log)
gc.collect()
print('after collect', sorted(log))
print('garbage', gc.garbage)
class SelfRef:
    count = 0
    def __del__(self):
        SelfRef.count += 1
s = SelfRef()
s.me = s
del s
gc.collect()
gc.collect()
print('finalized once', SelfRef.count)
class Chain(Fin):
    pass
first = Chain('c1')
cur = first
for i in range(2, 6):
    nxt = Chain('c%d' % i)
    cur.next = nxt
    cur = nxt
cur.next = first
del first, cur, nxt
log.clear()
gc.collect()
print(sorted(log))
gc.enable()
