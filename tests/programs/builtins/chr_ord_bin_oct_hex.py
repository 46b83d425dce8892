# chr, ord, bin, oct, hex
print(chr(65), chr(8364), ord('A'), ord('€'), chr(ord('a') + 1))
print(bin(0), bin(5), bin(-5), bin(2 ** 65), oct(0), oct(8), oct(-8), hex(0), hex(255), hex(-255), hex(2 ** 64))
print(bin(True), hex(False), int(bin(37), 2), int(oct(37), 8), int(hex(37), 16))
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for fn in (bin, oct, hex):
    try:
        fn(1.5)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        fn('1')
    except TypeError as e:
        print(type(e).__name__, e)
print(''.join(chr(c) for c in range(97, 103)), [ord(c) for c in 'Az09'])
