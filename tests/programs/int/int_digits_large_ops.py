# larger arithmetic that stays fast: fibonacci, factorials, gcd
import math
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(a)
print(a % 1000000007)
print(math.factorial(100))
print(math.factorial(100) // math.factorial(98))
print(math.gcd(2 ** 100 - 1, 2 ** 60 - 1), math.gcd(-12, 18), math.gcd(0, 0))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 101))
print(divmod(math.factorial(50), 10 ** 20))
print(sum(i * i for i in range(1000)))
n = 1
for i in range(200):
    n = n * 3 + i
print(n)
print(n.bit_length(), n % 97, n // 3 ** 190)
print(-n // 7, -n % 7)
print((2 ** 127 - 1) * (2 ** 89 - 1))
print(int('123456789' * 20) // int('987654321' * 5))
print(int('123456789' * 20) % int('987654321' * 5))
