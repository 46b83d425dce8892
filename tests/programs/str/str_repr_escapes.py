# repr of strings: quote choice and escapes
tests = ["plain", "it's", 'say "hi"', 'both \' and "', '\\', '\n\t\r', '\x00\x07\x1f\x7f',
         '\x80\x9f\xa0\xad', 'é日本', '\u200b\u2028\ufeff', '😀', '\U000e0001', '\ud800', '\udfff',
         '\x1b[0m', "'", '"', "''\"", 'a\\nb', '\u0300', '\U0010ffff', '\uffff', ' ']
for t in tests:
    print(repr(t), ascii(t), len(t))
print(str(repr('x')), repr(repr('x')))
print(repr('\r\n'), repr('\x0b\x0c'), repr('\b'))
print([chr(i) for i in range(0, 32, 5)])
print(repr('\xff\u0100\u07ff\u0800'))
print(repr('\x80'), repr('\x9f'), repr('\xa0'), repr('\u00ad'), repr('\u034f'))
print(repr('a' * 3 + "'" + '"'), repr("\\'"), repr('\t' * 2))
print(str('\x00'), len(repr('\x00')), repr('\0')[1:-1])
print(repr('\u2029'), repr('\u3000'), repr('\ue000'), repr('\U0001f9ff'))
