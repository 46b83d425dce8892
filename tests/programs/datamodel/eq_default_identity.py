class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, a is a)
print(a.__eq__(b), a.__eq__(a), a.__ne__(b), a.__ne__(a))
print(a.__lt__(b))
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
print([a] == [a], [a] == [b], a in [b, a], [a, b].index(b), [a, b, a].count(a))
class EqAll:
    def __eq__(self, other):
        return True
e = EqAll()
print(e == 1, 1 == e, e != 1, e == None, None == e)
print([e].index(99), e in [1, 2], EqAll.__hash__)
class NeOnly:
    def __ne__(self, other):
        return "custom ne"
n = NeOnly()
print(n != 1, n == n, n == NeOnly())
x = float("nan")
lst = [x]
print(x in lst, lst.count(x), lst.index(x), x == x, lst == [x], [float("nan")] == [float("nan")])
print(1 == 1.0, 1 == True, "1" == 1, None == False, [] == (), [] == [], () == ())
print((1, 2) == [1, 2], {1: 2} == {1: 2.0}, {1, 2} == frozenset({1, 2}), range(3) == range(0, 3), range(0) == range(2, 2))
print(b"a" == "a", bytearray(b"a") == b"a", 1j == complex(0, 1))
