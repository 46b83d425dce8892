# Incremental updates, copies, large inputs and every kind of buffer, for each of the
# hash types; file_digest over files and BytesIO.
import _blake2
import _md5
import _sha1
import _sha2
import _sha3
import hashlib
import io
import os

CTORS = [_md5.md5, _sha1.sha1, _sha2.sha224, _sha2.sha256, _sha2.sha384, _sha2.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512,
         _blake2.blake2b, _blake2.blake2s, _sha3.shake_128, _sha3.shake_256]


def hexdigest(h):
    return h.hexdigest(40) if h.name.startswith("shake") else h.hexdigest()


data = bytes((i * 31 + 7) % 256 for i in range(5000))

for ctor in CTORS:
    whole = hexdigest(ctor(data))
    # Every split point around the block sizes, and many small pieces.
    for chunk in [1, 3, 7, 63, 64, 65, 71, 72, 104, 127, 128, 129, 136, 144, 168, 1000]:
        h = ctor()
        for i in range(0, len(data), chunk):
            h.update(data[i:i + chunk])
        assert hexdigest(h) == whole, (ctor, chunk)
    for split in range(0, 300):
        h = ctor(data[:split])
        h.update(data[split:])
        assert hexdigest(h) == whole, (ctor, split)
    # Digests do not finalize: more data can follow, and asking twice gives the same.
    h = ctor(b"abc")
    first = hexdigest(h)
    assert hexdigest(h) == first
    h.update(b"def")
    assert hexdigest(h) == hexdigest(ctor(b"abcdef"))
    # Copies are independent of the original.
    a = ctor(b"prefix ")
    b = a.copy()
    a.update(b"one")
    b.update(b"two")
    print(type(b) is type(a), hexdigest(a) == hexdigest(ctor(b"prefix one")),
          hexdigest(b) == hexdigest(ctor(b"prefix two")))
    # Buffer kinds: bytes, bytearray, memoryview (and slices of it), empty.
    ba = bytearray(data)
    mv = memoryview(data)
    assert hexdigest(ctor(ba)) == whole
    assert hexdigest(ctor(mv)) == whole
    assert hexdigest(ctor(memoryview(ba)[100:200])) == hexdigest(ctor(data[100:200]))
    h = ctor()
    h.update(mv[:10])
    h.update(bytearray())
    h.update(b"")
    h.update(mv[10:])
    assert hexdigest(h) == whole
    print(ctor.__name__, whole)

# A large input, one update and in 1 MiB pieces.
big = bytes(range(256)) * 16384 * 2  # 8 MiB
for name in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s"]:
    one = hashlib.new(name, big).hexdigest()
    h = hashlib.new(name)
    for i in range(0, len(big), 1 << 20):
        h.update(big[i:i + (1 << 20)])
    assert h.hexdigest() == one
    print(name, one)
print(hashlib.shake_256(big).hexdigest(16))

# file_digest: a real file (through readinto), raw and buffered, and BytesIO.
path = "hashlib_incremental.tmp"
with open(path, "wb") as f:
    for i in range(40):
        f.write(bytes([i]) * 10000)
try:
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, "sha256").hexdigest())
    with open(path, "rb", buffering=0) as f:
        print(hashlib.file_digest(f, hashlib.md5).hexdigest())
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, lambda: hashlib.blake2s(digest_size=8)).hexdigest())
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, "sha1", _bufsize=1000).hexdigest())
    with open(path, "r") as f:
        try:
            hashlib.file_digest(f, "sha256")
        except ValueError as e:
            print("ValueError", str(e).endswith("is not a file-like object in binary reading mode."))
    with open(path, "rb") as f:
        buf = bytearray(7)
        print(f.readinto(buf), buf)
        print(f.read(3), f.readinto(bytearray(0)))
finally:
    os.remove(path)
print(hashlib.file_digest(io.BytesIO(b"in memory" * 1000), "sha512").hexdigest()[:32])
