# Argument and type errors of the hash modules, with CPython's messages.
import _blake2
import _md5
import _sha1
import _sha2
import _sha3


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", r if isinstance(r, (bytes, str, int)) else type(r).__name__)


class Index:
    def __index__(self):
        return 3


class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("no truth")


released = memoryview(b"abc")
released.release()
strided = memoryview(b"abcdef")[::2]

# Module layout and types.
print(_md5.MD5Type, _sha1.SHA1Type, _sha2.SHA224Type, _sha2.SHA512Type)
print(_sha3.sha3_256, _sha3.shake_128, _blake2.blake2b, _blake2.blake2s)
print(_md5.MD5Type.__module__, _sha2.SHA256Type.__name__, _sha3.sha3_224.__qualname__)
print(type(_md5.md5()).__name__, type(_sha2.sha384()).__name__, type(_sha3.shake_256()).__name__)
print(_sha3.implementation)
print([n for n in dir(_blake2) if n.isupper()])
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE,
      _blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE,
      _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)
print(sorted(n for n in dir(_md5.md5()) if not n.startswith("__")))
print(sorted(n for n in dir(_sha3.sha3_256()) if not n.startswith("__")))
print(sorted(n for n in dir(_blake2.blake2s()) if not n.startswith("__")))
for h in [_sha3.sha3_224(), _sha3.sha3_512(), _sha3.shake_128(), _sha3.shake_256()]:
    print(h.name, h._capacity_bits, h._rate_bits, h._suffix, h.digest_size, h.block_size)
print(_md5.md5.__doc__)
print(_sha3.sha3_384.__doc__)
print(_blake2.blake2s.__doc__)
print(_md5.MD5Type.update.__doc__)
print(_sha3.sha3_256.update.__doc__)
print(_sha2.SHA256Type.name, _sha3.sha3_224.digest)

for ctor in [_md5.md5, _sha1.sha1, _sha2.sha256, _sha2.sha384, _sha3.sha3_256,
             _sha3.shake_128, _blake2.blake2b, _blake2.blake2s]:
    name = ctor.__name__
    h = ctor(b"abc")
    print("==", name)
    attempt("str data", lambda: ctor("abc"))
    attempt("int data", lambda: ctor(1))
    attempt("None data", lambda: ctor(None))
    attempt("two positional", lambda: ctor(b"x", b"y"))
    attempt("data keyword", lambda: ctor(data=b"x"))
    attempt("string keyword", lambda: ctor(string=b"x").digest_size)
    attempt("both", lambda: ctor(b"x", string=b"y"))
    attempt("typo keyword", lambda: ctor(usedforsecurit=False))
    attempt("usedforsecurity", lambda: ctor(b"x", usedforsecurity=0).digest_size)
    attempt("bad bool", lambda: ctor("x", usedforsecurity=BadBool()))
    attempt("released view", lambda: ctor(released))
    attempt("strided view", lambda: ctor(strided))
    attempt("update str", lambda: h.update("x"))
    attempt("update int", lambda: h.update(5))
    attempt("update none", lambda: h.update())
    attempt("update two", lambda: h.update(b"a", b"b"))
    attempt("update keyword", lambda: h.update(data=b"a"))
    attempt("update released", lambda: h.update(released))
    attempt("copy arg", lambda: h.copy(1))
    attempt("copy keyword", lambda: h.copy(x=1))
    attempt("instantiate type", lambda: type(h)(b"x").digest_size)
    attempt("subclass", lambda: type("Sub", (type(h),), {}))
    attempt("set type attribute", lambda: setattr(type(h), "value", False))
    attempt("set name", lambda: setattr(h, "name", "x"))
    attempt("set other", lambda: setattr(h, "other", 1))
    attempt("get other", lambda: h.other)
    attempt("unbound update", lambda: type(h).update(b"x"))
    attempt("wrong self", lambda: type(h).digest(1))
    attempt("hash", lambda: hash(h) == hash(h))
    attempt("equality", lambda: h == h.copy())
    if name.startswith("shake"):
        attempt("digest()", lambda: h.digest())
        attempt("hexdigest()", lambda: h.hexdigest())
        attempt("digest(-1)", lambda: h.digest(-1))
        attempt("digest(1.5)", lambda: h.digest(1.5))
        attempt("digest(index)", lambda: h.digest(Index()))
        attempt("digest(True)", lambda: h.digest(True))
        attempt("digest(2**29)", lambda: h.digest(2**29))
        attempt("digest(2**64)", lambda: h.digest(2**64))
        attempt("hexdigest(2**40)", lambda: h.hexdigest(2**40))
        attempt("digest(length=)", lambda: h.digest(length=3))
        attempt("digest(1, 2)", lambda: h.digest(1, 2))
    else:
        attempt("digest(1)", lambda: h.digest(1))
        attempt("hexdigest(1)", lambda: h.hexdigest(1))
        attempt("digest keyword", lambda: h.digest(x=1))

print("== blake2 parameters")
for ctor in [_blake2.blake2b, _blake2.blake2s]:
    print(ctor.__name__)
    for kwargs in [dict(digest_size=0), dict(digest_size=65), dict(digest_size=33),
                   dict(digest_size=-1), dict(digest_size=2**70), dict(digest_size=1.0),
                   dict(digest_size="1"), dict(digest_size=Index()), dict(digest_size=True),
                   dict(key=b"k" * 65), dict(key=b"k" * 33), dict(key="k"), dict(key=1),
                   dict(key=strided), dict(key=released), dict(key=bytearray(b"k")),
                   dict(salt=b"s" * 17), dict(salt=b"s" * 9), dict(salt="s"),
                   dict(person=b"p" * 17), dict(person=b"p" * 9), dict(person=memoryview(b"p")),
                   dict(fanout=-1), dict(fanout=256), dict(fanout=0), dict(fanout="1"),
                   dict(depth=0), dict(depth=256), dict(depth=255),
                   dict(leaf_size=-1), dict(leaf_size=2**32), dict(leaf_size=2**64),
                   dict(leaf_size=1.5), dict(leaf_size=Index()), dict(leaf_size=True),
                   dict(node_offset=-1), dict(node_offset=2**48), dict(node_offset=2**64),
                   dict(node_offset=2**64 - 1), dict(node_offset=1.5),
                   dict(node_depth=-1), dict(node_depth=256), dict(inner_size=-1),
                   dict(inner_size=33), dict(inner_size=65), dict(inner_size=32),
                   dict(last_node=BadBool()), dict(last_node=[1]), dict(usedforsecurity=BadBool()),
                   dict(digest_sizes=1), dict(foo=1),
                   # Several bad values: arguments convert in order, then are checked.
                   dict(key="s", salt="s"), dict(salt="s", digest_size="x"),
                   dict(digest_size=0, salt=b"x" * 20), dict(salt=b"x" * 20, person=b"y" * 20),
                   dict(person=b"y" * 20, fanout=-1), dict(fanout=-1, depth=0),
                   dict(depth=0, leaf_size=2**32), dict(leaf_size=2**32, node_offset=2**48),
                   dict(node_offset=2**48, node_depth=-1), dict(node_depth=-1, inner_size=-1),
                   dict(inner_size=-1, key=b"k" * 100), dict(key=b"k" * 100, last_node=BadBool())]:
        label = ", ".join(f"{k}={v!r}" if isinstance(v, (int, float, str, bytes, bytearray))
                          else f"{k}=<{type(v).__name__}>" for k, v in kwargs.items())
        attempt(label, lambda: ctor(b"x", **kwargs).hexdigest())
    attempt("str data, bad size", lambda: ctor("x", digest_size=0))
    attempt("str data", lambda: ctor("x", digest_size=1))
