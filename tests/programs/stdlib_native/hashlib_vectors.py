# Known-answer vectors through hashlib (which uses _md5, _sha1, _sha2, _sha3 and
# _blake2 when OpenSSL's _hashlib is absent), hmac, and the modules that hash.
import hashlib
import hmac
import random
import secrets
import uuid

MESSAGES = [b"", b"a", b"abc", b"message digest", b"abcdefghijklmnopqrstuvwxyz",
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            bytes(range(256)), b"The quick brown fox jumps over the lazy dog"]

print(sorted(hashlib.algorithms_guaranteed))
print(sorted(hashlib.algorithms_available & hashlib.algorithms_guaranteed))

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
             "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for m in MESSAGES:
        a = ctor(m).hexdigest()
        b = hashlib.new(name, m).hexdigest()
        c = ctor(m).digest().hex()
        assert a == b == c, name
        print(" ", a)

for name in ["shake_128", "shake_256"]:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for m in MESSAGES:
        print(" ", ctor(m).hexdigest(32), ctor(m).digest(7).hex())
    print(" ", len(ctor(b"x").digest(1000)), ctor(b"x").hexdigest(1000)[-20:])
    print(" ", ctor(b"x").digest(0), repr(ctor(b"x").hexdigest(0)))

# Upper-case aliases and keyword forms of hashlib.new.
print(hashlib.new("MD5", b"abc").hexdigest(), hashlib.new("SHA1", b"abc").hexdigest())
print(hashlib.new("SHA256", b"abc").hexdigest()[:16], hashlib.new("SHA512", data=b"abc").hexdigest()[:16])
print(hashlib.new("sha256", b"abc", usedforsecurity=False).hexdigest()[:16])
print(hashlib.md5(b"abc", usedforsecurity=False).hexdigest())
try:
    hashlib.new("nonexistent")
except ValueError as e:
    print("ValueError", e)

# BLAKE2 parameters.
print(hashlib.blake2b(b"abc", digest_size=20).hexdigest())
print(hashlib.blake2s(b"abc", digest_size=16).hexdigest())
print(hashlib.blake2b(b"abc", key=b"secret key").hexdigest())
print(hashlib.blake2s(b"abc", key=b"k" * 32).hexdigest())
print(hashlib.blake2b(b"abc", salt=b"salty", person=b"me").hexdigest())
print(hashlib.blake2s(b"abc", salt=b"12345678", person=b"abcdefgh").hexdigest())
print(hashlib.blake2b(b"leaf", fanout=2, depth=2, leaf_size=4096, node_offset=1,
                      node_depth=0, inner_size=64).hexdigest())
print(hashlib.blake2b(b"root", fanout=2, depth=2, node_depth=1, inner_size=64,
                      last_node=True).hexdigest())
print(hashlib.blake2s(b"x", node_offset=2**48 - 1, leaf_size=2**32 - 1, last_node=True).hexdigest())
print(hashlib.blake2b(b"x", node_offset=2**64 - 1).hexdigest())
print(hashlib.new("blake2b", b"abc", digest_size=32, key=b"key").hexdigest())
print(hashlib.blake2b(digest_size=10).digest_size, hashlib.blake2s(digest_size=3).digest_size)
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE,
      hashlib.blake2b.MAX_DIGEST_SIZE)
print(hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2s.MAX_KEY_SIZE,
      hashlib.blake2s.MAX_DIGEST_SIZE)

# hmac, on top of hashlib's constructors.
for digestmod in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", hashlib.sha384]:
    h = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", digestmod)
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
print(hmac.new(b"k" * 200, b"long key", "sha256").hexdigest())
print(hmac.digest(b"key", b"msg", "sha256").hex())
h = hmac.new(b"key", digestmod="sha1")
h.update(b"part one, ")
h2 = h.copy()
h.update(b"part two")
print(h.hexdigest(), h2.hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"", b""))
try:
    hmac.new(b"key")
except TypeError as e:
    print("TypeError", e)

# Modules that hash: random's str/bytes seeds go through SHA-512, uuid3/uuid5 through
# MD5 and SHA-1, secrets through os.urandom.
random.seed("some str")
print(random.random(), random.randrange(10**9))
random.seed(b"some bytes")
print(random.random())
random.seed(bytearray(b"a bytearray"))
print(random.random())
r = random.Random("another str")
print(r.getrandbits(64))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://www.python.org/"))
print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), len(secrets.token_urlsafe(12)))
