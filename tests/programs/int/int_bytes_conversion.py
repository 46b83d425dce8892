# int.from_bytes and int.to_bytes
print(int.from_bytes(b'\x00\x01', 'big'), int.from_bytes(b'\x00\x01', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes(b'\xff\xff', 'big', signed=False))
print(int.from_bytes(b'', 'big'), int.from_bytes(b'', 'little', signed=True))
print(int.from_bytes([1, 2, 3], 'big'))
print(int.from_bytes(b'\x01\x02'))
print(int.from_bytes(bytearray(b'\x80'), byteorder='little', signed=True))
print(int.from_bytes(b'\x01' * 20, 'big'))
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((1024).to_bytes(4))
print((-1).to_bytes(2, 'big', signed=True))
print((-129).to_bytes(2, 'little', signed=True))
print((0).to_bytes(0, 'big'))
print((255).to_bytes())
print((2 ** 100).to_bytes(13, 'big'))
print(int.from_bytes((2 ** 100 + 5).to_bytes(16, 'little'), 'little') == 2 ** 100 + 5)
for args in [(1, 'big'), (2, 'little')]:
    try:
        (65536).to_bytes(*args)
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    (-1).to_bytes(2, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(2, 'middle')
except ValueError as e:
    print(type(e).__name__, e)
try:
    int.from_bytes('ab', 'big')
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(-1, 'big')
except ValueError as e:
    print(type(e).__name__, e)
class B(int):
    pass
r = B.from_bytes(b'\x05', 'big')
print(type(r).__name__, r)
