# an uncaught int() parse failure
for s in ['0', '-0', '+7', '1_2', ' 3 ']:
    print(repr(s), int(s))
try:
    int('seven')
except ValueError as e:
    print(type(e).__name__, e)
print(int('  12  '))
print(int('0x10', 16))
values = ['1', '2', 'x']
total = 0
for v in values:
    total += int(v)
    print('running total', total)
print('never printed')
