def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# numeric and string literal errors
check("x = 1abc")
check("x = 1_")
check("x = 1__0")
check("x = 0777")
check("x = 00")
check("x = 0b2")
check("x = 0o8")
check("x = 0x")
check("x = 0xg")
check("x = 1e")
check("x = 1.2.3")
check("x = 1_000")
check("x = 0_7")
check("s = 'abc")
check('s = "abc')
check('s = """abc')
check("s = '''abc\n\ndef")
check("s = 'abc\\")
check("b'\\xe9'")
check("b'é'")
check("'\\N{NO SUCH NAME}'")
check("'\\x4'")
check("'\\u12'")
check("rb'\\'")
check("x = u'a' b'b'")
check("x = 'a' b'b'")
