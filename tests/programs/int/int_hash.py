# hashes of ints are deterministic
import sys
for v in [0, 1, -1, -2, 2, 100, -100, 2 ** 61 - 1, 2 ** 61, 2 ** 61 + 1, -(2 ** 61),
          2 ** 64, 2 ** 100, -(2 ** 100), 10 ** 30, sys.maxsize, -sys.maxsize - 1]:
    print(v, hash(v))
print(hash(True), hash(False))
print(hash(-1) == hash(-2))
print(hash(1) == hash(1.0) == hash(True))
print(hash(2 ** 61 - 1) == hash(0))
print(sys.hash_info.modulus == 2 ** 61 - 1)
class MyInt(int):
    pass
print(hash(MyInt(12345)))
print((-1).__hash__(), int.__hash__(5))
print(hash(2 ** 61 - 2), hash(-(2 ** 61) + 1), hash(2 ** 122), hash(-(2 ** 122) - 1))
print(int.__hash__(-1), hash(-2 ** 61 + 1) == hash(0))
