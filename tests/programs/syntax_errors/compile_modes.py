# compile()/eval()/exec() modes and the errors they raise
def attempt(label, fn):
    try:
        result = fn()
    except SyntaxError as e:
        print(label, "->", type(e).__name__, repr(e.msg), e.lineno, e.offset)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))

attempt("eval expr", lambda: eval("1 + 2 * 3"))
attempt("eval stmt", lambda: eval("x = 1"))
attempt("eval incomplete", lambda: eval("1 +"))
attempt("eval empty", lambda: eval(""))
attempt("eval spaces", lambda: eval("   42"))
attempt("eval newline", lambda: eval("42\n"))
attempt("eval two exprs", lambda: eval("1\n2"))
attempt("exec ok", lambda: exec("y = 2\nz = y * 3"))
attempt("exec bad", lambda: exec("def f(:\n pass"))
attempt("compile eval", lambda: eval(compile("[1, 2][-1]", "<e>", "eval")))
attempt("compile single", lambda: type(compile("x = 1", "<s>", "single")).__name__)
attempt("single two stmts", lambda: compile("x = 1\ny = 2\n", "<s>", "single"))
attempt("bad mode", lambda: compile("1", "<m>", "bogus"))
attempt("compile exec with eval", lambda: compile("if 1: pass", "<e>", "eval"))
attempt("eval lambda", lambda: eval("(lambda a: a * 2)(21)"))
attempt("eval keyword", lambda: eval("import os"))
attempt("exec return", lambda: exec("return 1"))
attempt("exec globals", lambda: (lambda g: (exec("q = 5", g), g["q"])[1])({}))
attempt("eval with locals", lambda: eval("a + b", {}, {"a": 1, "b": 2}))
attempt("dont_inherit", lambda: compile("x", "<d>", "eval", dont_inherit=True).co_filename)
