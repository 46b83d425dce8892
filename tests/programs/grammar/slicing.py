s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-3:-1])
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1], s[2:8:3])
print(s[100:], s[-100:2], s[5:2], s[::-3])
print("hello"[1:4], "hello"[::-1], "hello"[-2:], (1, 2, 3)[1:], b"bytes"[1:3])
print(range(10)[2:8:2], range(10)[::-1], range(0, 20, 3)[1:4])
t = s[:]
t[2:4] = ["a", "b", "c"]
print(t)
t[1:1] = [99]
print(t)
t[::2] = [0] * len(t[::2])
print(t)
del t[::3]
print(t)
del t[:2]
print(t)
t[:] = []
print(t)
sl = slice(1, 8, 2)
print(s[sl], sl.start, sl.stop, sl.step, sl.indices(5), slice(3))
print(slice(None, None, -1).indices(4), s[slice(None)])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    u = list(range(6))
    u[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc"[1:2] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["a":"b"]
except TypeError as e:
    print(type(e).__name__, e)
class Show:
    def __getitem__(self, key):
        return key
x = Show()
print(x[1], x[1:2], x[1:2:3], x[:, 1], x[..., 0], x[1:2, ::3], x[()], x[:])
print(x[*[1, 2]], x[*range(2), 5])
