# attributes and str() of SyntaxError objects
src = "a = 1\nb = (2 +\n    3))\nc = 4\n"
try:
    compile(src, "example.py", "exec")
except SyntaxError as e:
    print(repr(e.msg))
    print(repr(e.filename))
    print(e.lineno, e.offset, e.end_lineno, e.end_offset)
    print(repr(e.text))
    print(str(e))
    print(len(e.args), repr(e.args[0]), e.args[1])

try:
    compile("x = $", "dollar.py", "exec")
except SyntaxError as e:
    print(str(e))
    print(repr(e.text), e.offset)

# constructing SyntaxError by hand
e = SyntaxError("custom message", ("file.py", 3, 5, "bad line here\n", 3, 8))
print(str(e))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
e2 = SyntaxError("only msg")
print(str(e2), e2.filename, e2.lineno, e2.offset, e2.text)
e3 = SyntaxError()
print(repr(str(e3)), e3.msg)
e4 = SyntaxError("m", ("f.py", 1, 2, "t", None, None))
print(str(e4), e4.end_lineno, e4.end_offset)
e5 = SyntaxError("no line", ("f.py", None, None, None))
print(str(e5))
print(issubclass(SyntaxError, Exception), SyntaxError.__bases__)

# the error raised for source with a null byte
try:
    compile("x = 1\0", "nul.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile(b"x = '\xff'", "bytes.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
