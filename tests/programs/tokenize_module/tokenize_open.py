# tokenize.open, linecache on real files, and the command-line tokenizer (main()).
import io
import linecache
import os
import sys
import tokenize

here = os.path.dirname(os.path.abspath(__file__))
latin = os.path.join(here, "data", "latin1_source.py")
utf8 = os.path.join(here, "data", "utf8_source.py")

with tokenize.open(utf8) as f:
    print(f.encoding, f.mode)
    print(f.read(), end="")

with open(latin, "rb") as f:
    for t in tokenize.tokenize(f.readline):
        print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)

print(repr(linecache.getline(utf8, 2)))
print(len(linecache.getlines(utf8)))
print(repr(linecache.getline(__file__, 1)))
linecache.checkcache(utf8)
print(utf8 in linecache.cache)

# tokenize's command line prints one row per token.
for args in ([latin], ["-e", latin], [os.path.join(here, "data", "broken.py")]):
    sys.argv = ["tokenize"] + args
    out = io.StringIO()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        tokenize.main()
    except SystemExit as e:
        code = e.code
    else:
        code = 0
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
    print("exit", code)
    print(out.getvalue().replace(here, "$HERE"), end="")
