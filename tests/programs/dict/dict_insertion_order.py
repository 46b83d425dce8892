# insertion order is preserved; delete and re-insert moves to end
d = {}
for k in ['banana', 'apple', 'cherry']:
    d[k] = len(k)
print(d, list(d))
d['apple'] = 0
print(d)
del d['banana']
d['banana'] = 6
print(d)
d.pop('apple')
d['apple'] = 1
print(list(d.items()))
e = {3: 'c', 1: 'a', 2: 'b'}
print(e, list(e.keys()), sorted(e))
e[1] = 'A'
print(e)
big = {i: i for i in range(20)}
for i in range(0, 20, 2):
    del big[i]
big[0] = 'zero'
print(list(big))
print({'b': 1, 'a': 2} == {'a': 2, 'b': 1})
x = dict(b=1, a=2)
x.update(c=3, b=4)
print(x)
