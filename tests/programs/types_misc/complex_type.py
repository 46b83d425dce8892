# the complex type in more detail
z = complex(3, -4)
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, z == 3 - 4j, type(z.real).__name__)
print(complex('1e3+2.5e-1j'), complex('-j'), complex('+1.5'), complex(' (1+2j) '))
print(1j ** 2, (2 + 0j) ** 2, (1 + 1j) * (1 - 1j), 1 / 1j, 0j + 0, 0j == 0, bool(0j), bool(1j))
print(repr(1e-20j), repr(1e20 + 1e20j), repr(complex(0, 1e300)), repr(-(0j)))
print(complex(-1.0, 0.0), complex(0.0, -1.0), complex(-0.0, -0.0), 0 * 1j, -1 * 1j)
print(hash(0j), hash(1j), hash(2 + 3j), hash(complex(5, 0)) == hash(5))
print(format(1.23456 + 7.891j, '.2f'), format(1 + 1j, '>12'), format(-1 - 1j, '+.1e'), f'{2j:g}')
class CX:
    def __complex__(self):
        return 1 + 1j
print(complex(CX()), complex(1.5, CX()) if False else complex('2'))
try:
    complex('1', '2')
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex({})
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print(type(e).__name__, e)
print(divmod.__name__, (1 + 2j).__class__.__name__, complex.__mro__)
