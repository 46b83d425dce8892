# str.splitlines with and without keepends
s = 'one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve'
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True)[:3])
print(''.splitlines(), '\n'.splitlines(), '\n\n'.splitlines(), 'x\n'.splitlines(True))
print('a\r\n\r\nb'.splitlines(), 'a\n\rb'.splitlines(True))
print('no newline'.splitlines())
print('trailing\n'.split('\n'), 'trailing\n'.splitlines())
print('\r'.splitlines(True), '\r\n'.splitlines(True), '\n\r'.splitlines(True))
print('a\x85b'.split(), 'a\x85b'.splitlines(), len('a\u2028b'.split()))
print('x\r\n\ny'.splitlines(), 'x\r\r\ny'.splitlines(True))
print(repr('\n'.join('a\nb\n'.splitlines())), 'end\r'.splitlines())
print('a\nb'.splitlines(False), 'a\nb'.splitlines(keepends=0))
