# sum with start; round; divmod; pow with modulus; abs
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5), sum(range(5), start=100), sum([0.5, 1]))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([True, True]))
for fn in (lambda: sum(['a', 'b']), lambda: sum(['a'], ''), lambda: sum([b'a'], b''),
           lambda: sum([bytearray(b'a')], bytearray()), lambda: sum([1, 'x']), lambda: sum(5)):
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)
print(round(3.7), round(-3.5), round(2.5), round(7.123, 1), round(1234, -2), round(5))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(True, 1))
print(pow(3, 4), pow(3, 4, 5), pow(2, -1, 5), pow(2.5, 2), pow(-8, 1 / 3))
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(10 ** 30)))
class A:
    def __abs__(self):
        return 'abs called'
print(abs(A()))
try:
    abs('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod('a', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round('x')
except TypeError as e:
    print(type(e).__name__, e)
