# _tokenize.TokenizerIter directly: arguments, readline protocols, exact types.
import io
import _tokenize


def attempt(f):
    try:
        r = f()
        print("  ->", r if not isinstance(r, _tokenize.TokenizerIter) else "TokenizerIter")
    except BaseException as e:
        print("  ", type(e).__name__, e.args)


print(_tokenize.TokenizerIter, _tokenize.TokenizerIter.__module__)
print(sorted(k for k in vars(_tokenize) if not k.startswith("__")))
attempt(lambda: list(_tokenize.TokenizerIter(5, extra_tokens=True)))
attempt(lambda: list(_tokenize.TokenizerIter(iter([1]).__next__, extra_tokens=True)))
attempt(lambda: list(_tokenize.TokenizerIter(iter([b"x\n"]).__next__, extra_tokens=True)))
attempt(lambda: list(_tokenize.TokenizerIter(iter(["x\n"]).__next__, extra_tokens=True, encoding="utf-8")))
attempt(lambda: list(_tokenize.TokenizerIter(iter([b"x\xff\n"]).__next__, extra_tokens=True, encoding="utf-8")))
attempt(lambda: list(_tokenize.TokenizerIter(iter([b'x = "\xe9"\n']).__next__, extra_tokens=True, encoding="latin-1")))
attempt(lambda: _tokenize.TokenizerIter(iter(["x\n"]).__next__))
attempt(lambda: _tokenize.TokenizerIter(iter(["x\n"]).__next__, True))
attempt(lambda: _tokenize.TokenizerIter(extra_tokens=True))
attempt(lambda: _tokenize.TokenizerIter(iter(["x\n"]).__next__, extra_tokens=True, foo=1))
attempt(lambda: _tokenize.TokenizerIter(iter(["x\n"]).__next__, extra_tokens=[]))
attempt(lambda: _tokenize.TokenizerIter(iter(["x\n"]).__next__, extra_tokens=True, encoding=5))


def boom():
    raise ValueError("boom")


attempt(lambda: list(_tokenize.TokenizerIter(boom, extra_tokens=True)))

# Chunks need not be single lines: each readline call is one row.
attempt(lambda: list(_tokenize.TokenizerIter(iter(["x = 1\ny = 2\n", "z\n"]).__next__, extra_tokens=True)))
attempt(lambda: list(_tokenize.TokenizerIter(iter(["x = (", "1)\n"]).__next__, extra_tokens=True)))
attempt(lambda: list(_tokenize.TokenizerIter(iter(["x = '''a\n", "b''' + '''c\n", "d'''\n"]).__next__, extra_tokens=True)))

# Exhaustion, and iterating again.
it = _tokenize.TokenizerIter(io.StringIO("x\n").readline, extra_tokens=True)
print(iter(it) is it, list(it))
attempt(lambda: next(it))

# Without extra tokens: exact types, no COMMENT/NL, NEWLINE without text.
for src in ["if x:\n    y = 1  # c\n\nz = (1,\n 2)\n", "f'a{b!r}'\n", "", "x"]:
    print(repr(src))
    for t in _tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=False):
        print("  ", t)
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("x = 012\n").readline, extra_tokens=False)))
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("x = )\n").readline, extra_tokens=False)))
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("x = (]\n").readline, extra_tokens=False)))
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("x = [\n1)\n").readline, extra_tokens=False)))
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("1abc\n").readline, extra_tokens=False)))
attempt(lambda: list(_tokenize.TokenizerIter(io.StringIO("0x1for x in y\n").readline, extra_tokens=False)))

# Continuing after an error resumes where the lexer stopped.
it = _tokenize.TokenizerIter(iter(["'abc\n", "x\n"]).__next__, extra_tokens=True)
for _ in range(3):
    attempt(lambda: next(it))
