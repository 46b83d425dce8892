# add, discard, remove, pop, clear
s = {1, 2, 3}
s.add(4)
s.add(2)
print(s)
s.discard(10)
s.discard(1)
print(s)
s.remove(2)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.remove([1])
except TypeError as e:
    print(type(e).__name__, e)
s.discard(frozenset())
print(s.pop(), s)
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.add({})
except TypeError as e:
    print(type(e).__name__, e)
t = {frozenset({1}), (2, 3)}
t.remove({1})
print(t)
u = {5, 6, 7}
print(u.pop(), u.pop(), u.pop(), u)
