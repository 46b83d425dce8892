"""Module docstring."""
import os
import a.b.c
import a.b as c
from .m import x as y, z
from q import *
x: int = 1
a, *b, c = [1, 2, 3]
x += 1
obj.attr += 2
seq[i] += 3
seq[1:2] = x
del x, obj.attr, seq[0]
print(f"a{b!r:>{w}} {c=}", *args, **kw, k=1)
o.m(1, k=2)
assert x, "msg"
if a and not b or c:
    pass
elif d < e < f:
    pass
else:
    x = -1 + 2 * 3
while x:
    if y: break
    continue
for i in range(10):
    pass
else:
    pass
y = [i for i in x if i] + {k: v for k, v in d}
g = (i for i in x)
t = (1, 2, (3, 4)) if p is None else x in [1, 2, 3]
