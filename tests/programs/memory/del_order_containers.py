# destruction order of container contents
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
items = [Noisy(i) for i in range(3)]
print('clearing list')
items = None
print('dict')
d = {k: Noisy(k) for k in 'ab'}
del d
print('tuple')
t = (Noisy('t1'), Noisy('t2'))
del t
print('nested')
outer = [Noisy('outer'), [Noisy('inner')]]
del outer
print('overwrite element')
l = [Noisy('old')]
l[0] = Noisy('new')
print('pop')
l.pop()
print('done')
