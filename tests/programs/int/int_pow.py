# pow with negative exponents and modulus
print(pow(2, 10))
print(pow(2, -1))
print(pow(-2, -3))
print(pow(-2, 3), pow(-2, 4))
print(2 ** -2)
print(pow(0, 0), 0 ** 0)
print(pow(3, 4, 5))
print(pow(3, -1, 7))
print(pow(38, -1, 97))
print(pow(-3, 5, 7))
print(pow(3, 5, -7))
print(pow(2, 100, 10 ** 9 + 7))
print(pow(7, -2, 13))
print(pow(5, 0, 1))
print(pow(5, 0, 7))
print(pow(10 ** 30, 3, 10 ** 20 + 39))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print(type(e).__name__, e)
print((-1) ** 10 ** 6)
print(1 ** -5, type(1 ** -5))
print(10 ** 20, type(10 ** 20))
print((-8) ** (1 / 3))
print(2 ** 0.5)
print(pow(2, 3, None))
print(pow(base=2, exp=5))
print(pow(base=2, exp=5, mod=3))
