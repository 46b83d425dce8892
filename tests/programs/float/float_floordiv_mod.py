# float // and % signs, divmod
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3), (-0.0, 3), (0.0, -3),
         (1.0, 0.1), (5, 2.5), (-5, 2.5), (1e300, 3.0), (3.0, 1e300), (-3.0, 1e300)]
for a, b in pairs:
    print(repr(a), repr(b), repr(a // b), repr(a % b), divmod(a, b))
inf = float('inf')
print(5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf, 5.0 % -inf)
print(inf // 1, inf % 1, divmod(inf, 1))
print(float('nan') // 1, float('nan') % 1)
print(divmod(-0.0, 1.0), divmod(0.0, -1.0))
print(-1e-20 % 1.0)
print(7 // 2.0, type(7 // 2.0).__name__, 7 % 2.0)
print(math_mod := __import__('math').fmod(-7.5, 2))
print(10.0 % 3.0, -10.0 % 3.0, 10.0 % -3.0)
print(0.7 // 0.1, 0.7 % 0.1)
for op in ('//', '%', 'divmod'):
    try:
        if op == '//':
            1.0 // 0.0
        elif op == '%':
            1.0 % 0
        else:
            divmod(1.0, 0)
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
