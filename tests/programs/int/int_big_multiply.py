# Arbitrary precision multiplication and addition
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a * b)
print(a + b)
print(a - b)
print(b - a)
print(-a * b)
print((-a) * (-b))
f = 1
for i in range(1, 61):
    f *= i
print(f)
print(len(str(f)))
print(f // (2 ** 50))
print(f % 1000003)
x = 123456789123456789123456789
print(x * x)
print(x * x * x)
print(x * -1)
print(x * 0)
print((10 ** 50 + 1) * (10 ** 50 - 1))
print(10 ** 100 - 1 == int('9' * 100))
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 30)
print(0xFFFFFFFFFFFFFFFF + 1)
print(2 ** 63, -2 ** 63, 2 ** 64 - 1)
print((2 ** 63 - 1) + 1)
print(-(2 ** 63) - 1)
print(abs(-(10 ** 40)))
print(+(-5), -(-5))
