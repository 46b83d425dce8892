# indexing and slicing strings
s = 'abcdefghij'
print(s[0], s[9], s[-1], s[-10], s[3:7], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[::100], s[::-100])
print(s[slice(2, 5)], s[slice(None, None, -3)], s[True], s[False:True])
for i in [10, -11, 100]:
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s['1']
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    ''[0]
except IndexError as e:
    print(type(e).__name__, e)
u = 'h€llo😀wörld'
print(u[1], u[5], u[-5:], u[::-1], len(u), u[4:7])
print(s[2:8][::-1][1:3])
