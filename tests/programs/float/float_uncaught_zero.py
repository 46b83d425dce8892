# uncaught float division by zero
values = [2.0, 1.0, 0.5, 0.0]
for v in values:
    print(v, 1 / v)
print('unreachable')
