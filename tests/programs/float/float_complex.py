# complex numbers: arithmetic and repr
z = 3 + 4j
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate())
print(1j, -1j, 0j, -0j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0))
print(1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) - 5, 2 * (1 + 1j))
print((1 + 1j) ** 2, (1j) ** 0.5, pow(1j, 2), 2 ** (1j))
print(complex(1, 2), complex('1+2j'), complex(' 3-4j '), complex('j'), complex('-1.5e3j'))
print(complex(2), complex(), complex(1.5), complex('inf+nanj'), complex(True))
print(complex(1 + 2j, 3j), complex(1j, 1j))
print(1e300j * 1e300, complex(float('inf'), 0) * 0)
print(repr(complex(1, float('nan'))), repr(complex(float('inf'), -1)))
print((1 + 2j) == complex(1, 2), 1 + 0j == 1, (1 + 0j) == 1.0, 1j != 1)
print(hash(1 + 0j) == hash(1))
print(format(1 + 2j, ''), format(1.5 + 2.25j, '.2f'), format(3 - 4j, '^20'), format(1j, 'g'))
print(f'{(1+2j):>15}|', f'{1e20+1j}', f'{1-0j}')
for bad in ['1+', 'x', '1+2', '(1+2j', '1 + 2j']:
    try:
        complex(bad)
        print('ok', bad)
    except ValueError as e:
        print(type(e).__name__, e)
for fn in (lambda: (1 + 2j) < (2 + 3j), lambda: int(1j), lambda: float(1 + 0j),
           lambda: (1j) // 1, lambda: (1j) % 1):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    (1 + 1j) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(0j))
