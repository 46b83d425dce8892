# list.sort: stability, key, reverse
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
s = data[:]
s.sort()
print(s)
s = data[:]
s.sort(key=lambda p: p[1])
print(s)
s = data[:]
s.sort(key=lambda p: p[1], reverse=True)
print(s)
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [3, -1, 2.5, 0, -7, 10 ** 20, True]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
print(nums.sort(), [].sort(), [1].sort(reverse=True))
st = [(1, 'x'), (1, 'a'), (0, 'z')]
st.sort(key=lambda t: t[0], reverse=True)
print(st)
try:
    ['a', 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 'a'].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [None, None].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(lambda a, b: 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(key=lambda x: 'a' if x == 1 else 0)
except TypeError as e:
    print(type(e).__name__, e)
f = [float('nan'), 1.0, 0.5]
f.sort(key=lambda x: (x != x, x))
print(f)
print(sorted([[2, 1], [1, 2], [1], []]), sorted([(1, 'b'), (1, 'a')]), sorted('hello'))
