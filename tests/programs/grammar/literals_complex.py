print(1j, 2J, 1 + 2j, 1.5 - 0.5j, -1j, 0j)
print(repr(3 + 0j), repr(-0j), repr(complex(0, -0.0)))
print((1 + 2j) * (3 - 1j), (1 + 2j) / (1 - 1j), (1j) ** 2)
print((3 + 4j).real, (3 + 4j).imag, abs(3 + 4j), (3 + 4j).conjugate())
print(complex(1, 2), complex("1+2j"), complex("3j"), complex(5))
print(1j == complex(0, 1), (1 + 0j) == 1, type(1j).__name__)
print(1e3j, 1_0j, .5j)
print(complex(1.5, -2.25), str(2 - 3j))
print(-(1 + 1j), +(2j), (2 + 3j) - (2 + 3j))
print((1 + 1j) ** 0, 2 ** 1j == 2 ** 1j)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1 + 1j) // 2
except TypeError as e:
    print(type(e).__name__, e)
print(f"{1+2j}", f"{1.5+2.5j:.2f}", format(3 - 4j, ""))
