# format specifications for floats
x = 1234.56789
specs = ['', 'f', '.2f', '10.2f', '<10.1f', '>10.1f', '^10.1f', '*^12.2f', '010.2f',
         '+.2f', ' .2f', '-.2f', 'e', '.3e', 'E', 'g', '.3g', '.10g', 'G', '%', '.1%',
         ',', ',.2f', '_.3f', '#.0f', '.0f', 'n', '=+12.2f', '012,.2f', '.2', '#g', '#.3g',
         '20', '<20', '0=12.3f', 'r' if False else '.5', '_', '.0e', '#.0e']
for s in specs:
    print(repr(s), repr(format(x, s)))
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, 0.000123, 1e100, float('inf'), float('-inf'),
          float('nan'), -1.5]:
    print(repr(v), format(v, ''), format(v, 'g'), format(v, '.3f'), format(v, '+e'), format(v, '%'),
          format(v, '10.2g'), format(v, 'F'))
print(format(-0.0, 'z.1f'), format(-0.0001, 'z.2f'), format(-0.0001, '.2f'), format(0.0001, 'z.2f'))
print(f'{-0.4:z.0f}', f'{-0.6:z.0f}', f'{-1e-10:z}', f'{-0.0:z}')
print(f'{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f}')
print(f'{1e22:f}', f'{1e-10:f}', f'{123.0:g}', f'{1e-5:g}', f'{1e-4:g}', f'{1e16:g}')
print(f'{3.14159:{10}.{3}f}|', f'{3.14159:{"<"}{8}}|')
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, ',_')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, 'x')
except ValueError as e:
    print(type(e).__name__, e)
print(format(12, 'f'), format(12, '.2e'), format(12, '%'), format(True, '.1f'))
