# zlib.compressobj / decompressobj / _ZlibDecompressor: flush modes, copies, zdict,
# max_length with unconsumed_tail, unused_data and eof.
import copy
import zlib

data = b"".join(b"line %d of some text, repeated words words words\n" % i for i in range(400))
co = zlib.compressobj(zdict=b"line of some text words")
c = co.compress(data) + co.flush()
print(c[:16].hex(), len(c))
d = zlib.decompressobj(zdict=b"line of some text words")
print(d.decompress(c) == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj(wbits=-15, zdict=b"xyz")
co = zlib.compressobj(wbits=-15, zdict=b"xyz")
print(d.decompress(co.compress(b"xyzxyz") + co.flush()))

c = zlib.compress(data) + b"extra"
d = zlib.decompressobj()
out, buf, calls = b"", c, 0
while not d.eof:
    out += d.decompress(buf, 100)
    buf = d.unconsumed_tail
    calls += 1
print(calls, len(out), out == data, d.unused_data, d.unconsumed_tail)
print(d.decompress(b"more"), d.unused_data)

d = zlib.decompressobj()
part = d.decompress(c[:50])
d2 = d.copy()
d3 = copy.deepcopy(d)
print(len(part), len(d2.decompress(c[50:])), d2.unused_data, d2.eof, d.eof)
print(len(d3.decompress(c[50:-5])), d3.eof)
rest = d.flush()
print(len(rest), d.eof)
d = zlib.decompressobj()
d.decompress(c[:30], 10)
print(len(d.unconsumed_tail), len(d.flush()), d.eof, d.unconsumed_tail)
d = zlib.decompressobj()
print(len(d.decompress(c[:-20])), len(d.flush()), d.eof)
d = zlib.decompressobj()
for i in range(0, len(c), 7):
    d.decompress(c[i:i + 7])
print(d.eof, d.unused_data)

for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    co = zlib.compressobj(6)
    a = co.compress(data[:3000])
    b = co.flush(mode)
    print(mode, len(a), b.hex()[-16:], len(co.compress(data[3000:]) + co.flush()))
co = zlib.compressobj(9)
x = co.compress(data[:500])
co2 = co.copy()
co3 = copy.copy(co)
print(x + co.flush() == x + co2.flush() == x + co3.flush())
co = zlib.compressobj(1, zlib.DEFLATED, -12, 9, zlib.Z_RLE)
print((co.compress(data) + co.flush()).hex()[:60])

d = zlib._ZlibDecompressor()
cc = zlib.compress(data)
print(len(d.decompress(cc[:100], 10)), d.needs_input, d.eof)
print(len(d.decompress(b"", 10000)), d.needs_input)
print(len(d.decompress(cc[100:] + b"tail")), d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)
d = zlib._ZlibDecompressor(wbits=-15)
co = zlib.compressobj(wbits=-15)
raw = co.compress(b"raw deflate") + co.flush()
print(d.decompress(raw[:3]), d.needs_input, d.decompress(raw[3:]), d.eof)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, zlib._ZlibDecompressor.__name__)
