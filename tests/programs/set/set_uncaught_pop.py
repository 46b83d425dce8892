# uncaught KeyError from popping an empty set
s = {1}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().remove(1)
except KeyError as e:
    print(type(e).__name__, e)
pending = {3, 1, 2}
while True:
    print('processing', pending.pop())
