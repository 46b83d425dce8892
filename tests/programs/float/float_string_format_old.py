# %-style formatting of floats
x = 3.14159265
print('%f|%.2f|%10.3f|%-10.3f|%+.1f|% .1f|%010.2f' % (x, x, x, x, x, x, x))
print('%e|%.2e|%E|%g|%G|%.3g|%#g|%#.0f|%.0f' % (x, x, x, x, x, x, x, x, x))
print('%g %g %g %g %g' % (1e-5, 1e-4, 1e16, 1e15, 123456789.0))
print('%f %e %g' % (float('inf'), float('-inf'), float('nan')))
print('%F %E %G' % (float('inf'), float('nan'), 1e-20))
print('%d %i %x' % (3.99, -3.99, 255) if False else '%d %i' % (3.99, -3.99))
print('%r %s %a' % (0.1, 0.1, 1e16))
print('%*.*f' % (10, 3, x), '%-*.1f|' % (8, x))
print('%.20f' % 0.1)
print('%.60f' % 0.1)
print('%.0e %.1e' % (12345.678, 0.00012345))
try:
    '%x' % 3.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%c' % 65.0
except TypeError as e:
    print(type(e).__name__, e)
print('%5.1f%%' % 99.56)
