# comparisons and chained comparisons among ints
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < -(2 ** 99), 2 ** 100 == 2 ** 100)
print(10 ** 20 == 10 ** 20 + 0, 10 ** 20 != 10 ** 20 + 1)
print(max(3, 10 ** 30, -5), min(3, -(10 ** 30), 5))
print(sorted([5, -1, 10 ** 20, -(10 ** 20), 0, 3]))
print(1 == 1.0, 1 == True, 0 == False, 2 == 2 + 0j)
print(1 < 1.5 < 2, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
try:
    1 < 'a'
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 < None
except TypeError as e:
    print(type(e).__name__, e)
print(1 == 'a', 1 != None)
print((5).__lt__(6), (5).__lt__('x'), (5).__eq__(5.0))
a = 10 ** 30
b = 10 ** 30
print(a == b, a <= b, a >= b, a < b)
print(int.__gt__(3, 2), int.__ge__(2, 3))
