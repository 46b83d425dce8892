# Tokenizer errors: what tokenize raises (TokenError, IndentationError, SyntaxError)
# and the tokens produced before the error.
import io
import tokenize
import _tokenize


def run(src):
    print("==", repr(src))
    toks = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            toks.append(t.string)
    except tokenize.TokenError as e:
        print("  TokenError", e.args)
    except IndentationError as e:
        print(" ", type(e).__name__, e.args)
        print("  attrs", e.msg, e.lineno, e.offset, repr(e.text))
    except SyntaxError as e:
        print("  SyntaxError", e.args)
    else:
        print("  ok")
    print("  tokens", toks)


run("'abc\n")
run("x = 'a' 'b\n")
run("'''abc\ndef\n")
run("x = \"abc\\\n")
run("x = 'a\\'b\n")
run("f'abc\n")
run("f'''abc\n")
run("f'{x'\n")
run("f'}'\n")
run("f'{x}}'\n")
run("f'{a:{b:{c:{d}}}}'\n")
run("x = (1,\n")
run("(\n")
run("x = \\\n")
run("x\\")
run("x = 1 \\ y\n")
run("if x:\n    y\n  z\n")
run("if x:\n\ty\n        z\n")
run("if 1:\n  x\n\ty\n")
run("1__0\n")
run("1_\n")
run("0x\n")
run("0xg\n")
run("0b2\n")
run("0o8\n")
run("0b1_\n")
run("1e+\n")
run("0o\n")
run("09 1e 1.e 1jx 012\n")
run("a\x01\n")
run("\x00\n")
run("(" * 201 + "\n")
run("".join(" " * i + "if x:\n" for i in range(101)))
run("a \u00a0 b €\n")
run("f'\\{x}'\n")

# The underlying iterator raises SyntaxError itself.
try:
    list(_tokenize.TokenizerIter(io.StringIO("'abc\n").readline, extra_tokens=True))
except SyntaxError as e:
    print(type(e).__name__, e.args, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset)
try:
    list(_tokenize.TokenizerIter(io.StringIO("(\n").readline, extra_tokens=True))
except SyntaxError as e:
    print(type(e).__name__, e.args, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print(str(e))
