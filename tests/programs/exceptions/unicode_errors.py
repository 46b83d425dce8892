try:
    b"abc\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    "caf\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(e.reason, e.start, e.end)
try:
    b"\xe2\x82".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end, str(e))
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeError, ValueError))
print(b"a\xffb".decode("utf-8", errors="replace"), b"a\xffb".decode("utf-8", errors="ignore"))
print(repr(b"a\xffb".decode("utf-8", errors="backslashreplace")), repr(b"a\xffb".decode("utf-8", errors="surrogateescape")))
print("é€".encode("ascii", errors="xmlcharrefreplace"), "é".encode("ascii", errors="backslashreplace"), "é".encode("ascii", "replace"))
e = UnicodeDecodeError("utf-8", b"\x80", 0, 1, "invalid start byte")
print(str(e), e.args)
try:
    UnicodeDecodeError("x")
except TypeError as te:
    print(type(te).__name__, te)
try:
    "x".encode("no-such-codec")
except LookupError as le:
    print(type(le).__name__, le)
try:
    b"\xff\xfe".decode("ascii")
except UnicodeDecodeError as e:
    print(str(e))
