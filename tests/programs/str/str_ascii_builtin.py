# ascii() escapes non-ASCII characters
print(ascii('abc'), ascii('é'), ascii('日本'), ascii('😀'), ascii('\x7f'), ascii('\x80'))
print(ascii(['é', 1, {'ü': 'ß'}]), ascii(('ä',)), ascii(None), ascii(1.5))
class R:
    def __repr__(self):
        return 'R(ö)'
print(ascii(R()), repr(R()), ascii([R()]))
print(ascii(b'\xff'), ascii(bytearray(b'x\xe9')))
print(ascii('\ud800'), ascii('\U0001f600'), ascii('\u00ff'), ascii('\u0100'))
print(f'{"é"!a}', '%a' % 'ß', '{!a}'.format('€'))
print(ascii('\n\t'), ascii("'"), ascii('"\''), ascii(''))
print(ascii(1), ascii(2.5), ascii(True), ascii(b'a'), ascii((1, 'é')))
print(ascii('\x00'), ascii('\u0080'), ascii('\uffff'), ascii('\U00010000'))
print(len(ascii('é')), len(ascii('😀')))
