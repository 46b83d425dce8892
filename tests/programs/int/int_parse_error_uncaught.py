# an uncaught int() parse failure
print(int('  12  '))
print(int('0x10', 16))
values = ['1', '2', 'x']
total = 0
for v in values:
    total += int(v)
    print('running total', total)
print('never printed')
