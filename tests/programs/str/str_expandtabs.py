# expandtabs
s = 'a\tbc\tdef\tg'
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
print(repr(s.expandtabs(-1)), repr(s.expandtabs(tabsize=3)))
print(repr('line1\tx\nab\ty\r\tz'.expandtabs(4)))
print(repr('\t'.expandtabs()), repr('12345678\t9'.expandtabs()), repr('no tabs'.expandtabs()))
print(repr('é\tx'.expandtabs(3)), repr('日本\tx'.expandtabs(4)))
print(repr('\t\t'.expandtabs(3)), repr('a\tb\tc'.expandtabs(2)), repr('ab\t'.expandtabs(2)))
print(repr('\r\tx'.expandtabs(4)), repr('x\n\ty'.expandtabs(4)))
try:
    'a'.expandtabs('4')
except TypeError as e:
    print(type(e).__name__, e)
print(repr('tab\tend'.expandtabs(tabsize=0)), repr('\t'.expandtabs(1)))
lines = ['name\tvalue', 'x\t1', 'longer_name\t2']
for line in lines:
    print(repr(line.expandtabs(8)))
