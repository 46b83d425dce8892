# round(): banker's rounding, ndigits, negative ndigits
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5000001]:
    print(v, round(v), type(round(v)).__name__)
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.135, 2), (3.14159, 3), (1234.5678, -2),
             (1250.0, -2), (1350.0, -2), (-1250.0, -2), (5.0, -1), (15.0, -1), (25.0, -1),
             (1e300, -300), (123.456, 0), (123.456, 10), (0.1, 400), (1.5, -400)]:
    r = round(v, n)
    print(v, n, repr(r), type(r).__name__)
print(round(-0.4), repr(round(-0.4, 0)), repr(round(-0.0, 2)))
print(round(float('inf'), 2), round(float('nan'), 2))
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
print(round(1e20), round(2.5e20), round(1.7976931348623157e308) == int(1.7976931348623157e308))
print(round(0.5 + 1e-16), round(2 ** 52 + 0.5))
print(round(1.23456, None), round(7.7, ndigits=None))
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
