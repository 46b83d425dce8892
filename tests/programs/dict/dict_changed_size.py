# mutating a dict while iterating over it
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {i: i for i in range(3)}
for k in d:
    d[k] = 'changed'
print(d)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k)
        d[k + 10] = v
except RuntimeError as e:
    print(type(e).__name__, e)
d = {'a': 1}
try:
    for v in d.values():
        d['b'] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1, 2: 2, 3: 3}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d = {i: i for i in range(3)}
for k in d:
    d.pop(k)
    d[k] = k
    break
print(d)
d = {'x': 1}
it = iter(d)
d['y'] = 2
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
