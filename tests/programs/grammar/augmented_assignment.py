x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF; print(x)
x |= 0x30; print(x)
x ^= 0xFF; print(x)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst += "xy"
print(lst)
lst *= 2
print(lst is alias, len(alias))
t = (1,)
alias_t = t
t += (2,)
print(t, alias_t, t is alias_t)
d = {"a": [1]}
d["a"] += [2]
d.setdefault("b", 0)
d["b"] += 1
print(d)
class Obj:
    n = 0
o = Obj()
o.n += 5
print(o.n, Obj.n)
calls = []
def key():
    calls.append("key")
    return 0
data = [10]
data[key()] += 1
print(data, calls)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(tup)
st = {1, 2}
st |= {3}
st &= {2, 3}
st -= {2}
print(st)
try:
    undefined_aug += 1
except NameError as e:
    print(type(e).__name__, e)
