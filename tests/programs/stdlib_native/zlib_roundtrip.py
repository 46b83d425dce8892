# zlib one-shot compression: exact compressed bytes at every level, wbits variant
# and strategy, round trips, and the crc32/adler32 checksums.
import zlib

data = b"".join(b"line %d of some text, repeated words words words\n" % i for i in range(400))
for level in range(-1, 10):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), c[:16].hex(), zlib.decompress(c) == data)
print(zlib.compress(b"", 0).hex(), zlib.compress(b"abc" * 10, 0).hex())
print(zlib.compress(b"a").hex(), zlib.compress(b"hello hello hello", level=9).hex())
for wbits in (9, 10, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), zlib.adler32(c), c[:12].hex())
    print(zlib.decompress(c, wbits if wbits not in (25, 31) else 47) == data)
print(zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 31) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(bytearray(zlib.compress(b"from a bytearray"))))
print(zlib.decompress(memoryview(zlib.compress(b"from a memoryview"))))
for strategy in range(5):
    for mem in (1, 8, 9):
        co = zlib.compressobj(5, zlib.DEFLATED, 15, mem, strategy)
        out = (co.compress(data[:1000]) + co.flush(zlib.Z_SYNC_FLUSH)
               + co.compress(data[1000:]) + co.flush(zlib.Z_FULL_FLUSH) + co.flush())
        print(strategy, mem, len(out), zlib.crc32(out), zlib.decompress(out) == data)
big = bytes(range(256)) * 2000
print(len(zlib.compress(big)), zlib.crc32(zlib.compress(big, 1)))
print(zlib.crc32(b"hello"), zlib.crc32(b"hello", 12345), zlib.crc32(b"abc", -1))
print(zlib.adler32(b"hello"), zlib.adler32(b""), zlib.adler32(b"abc", 2**40 + 3))
print(zlib.crc32(memoryview(b"abc")), zlib.crc32(bytearray(b"abc")), zlib.crc32(b""))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION), zlib.ZLIB_VERSION[:2])
