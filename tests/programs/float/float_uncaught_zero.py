# uncaught float division by zero
print(1 / 3, 2 / 3, -1 / 3)
print(0.0 / 1, -0.0 / 1, 1 / -1e308)
try:
    5 / 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
values = [2.0, 1.0, 0.5, 0.0]
for v in values:
    print(v, 1 / v)
print('unreachable')
