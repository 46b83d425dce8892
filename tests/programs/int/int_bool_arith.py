# bool is a subclass of int
print(True + True, True * 10, True - False, -True, +True)
print(True / 2, True // 2, True % 2, True ** 5, 2 ** True)
print(sum([True, True, False, True]))
print(True == 1, False == 0, (True == 1) == 1, True == 1.0)
print(isinstance(True, int), issubclass(bool, int), type(True + 0).__name__)
print(repr(True), str(False), int(True), float(False))
print(True > False, max(True, 2), min(False, -1))
print(divmod(True, 2), abs(True), abs(False))
print(['a', 'b'][True], {1: 'one'}[True])
print({True: 'x', 1: 'y', 1.0: 'z'})
print(True << 2, bool(0), bool(-1), bool(0.0), bool(''), bool('0'))
print(f'{True:d}', f'{True}', f'{True:>6}', f'{False:05}', format(True, 'x'))
print('%d %s %r' % (True, True, False))
print(bool.__name__, bool.__base__.__name__)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(True.__and__(1), True & 1, type(True & 1).__name__)
print(True.real, True.imag, True.bit_length())
print(hash(True), hash(False))
