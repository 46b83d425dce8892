# floor division and modulo follow the sign of the divisor
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3),
         (1, 10), (-1, 10), (1, -10), (-1, -10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 30 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (big, big), (-big, big + 1)]:
    print(a // b, a % b)
print(divmod(2 ** 100, 7))
print(divmod(-(2 ** 100), 7))
print(divmod(2 ** 100, -(2 ** 60)))
print(-7 // 2 * 2 + -7 % 2)
print(17 % 5, -17 % 5, 17 % -5, -17 % -5)
print(5 // True, 5 % True)
print(type(7 // 2), type(7 % 2), type(7 / 2))
print(7 / 2, -7 / 2, 10 / 5)
print(2 ** 100 / 2 ** 99)
print(1 / 3)
print(10 ** 30 / 10 ** 10)
