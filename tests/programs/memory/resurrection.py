# an object resurrected from __del__ is not finalized twice
import gc
saved = []
class Phoenix:
    finalized = 0
    def __init__(self, name):
        self.name = name
    def __del__(self):
        Phoenix.finalized += 1
        print('__del__', self.name, 'call', Phoenix.finalized)
        saved.append(self)
p = Phoenix('bird')
del p
print('resurrected:', [x.name for x in saved])
q = saved.pop()
print('got it back', q.name)
del q
print('dropped again, finalized count', Phoenix.finalized, len(saved))
gc.disable()
class CycleP:
    def __del__(self):
        print('cycle __del__')
        saved.append(self)
c = CycleP()
c.me = c
del c
gc.collect()
print('saved cycle object:', len(saved), type(saved[-1]).__name__)
saved.clear()
gc.collect()
print('no second __del__ for the cycle')
gc.enable()
