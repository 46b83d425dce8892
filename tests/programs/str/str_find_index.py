# find/index/rfind/rindex/count with ranges
s = 'abracadabra'
print(s.find('a'), s.find('a', 1), s.find('a', 1, 3), s.find('a', -4), s.find('a', 100), s.find('z'))
print(s.rfind('a'), s.rfind('a', 0, 10), s.rfind('abra'), s.rfind('abra', 0, 10), s.rfind('a', -100, -8))
print(s.find(''), s.find('', 5), s.find('', 11), s.find('', 12), s.rfind(''), s.rfind('', 3, 5))
print(s.index('c'), s.rindex('a'), s.index('bra', 2), s.rindex('bra', 0, -1))
print(s.count('a'), s.count('a', 1), s.count('a', 1, -1), s.count(''), s.count('', 3, 5), s.count('abra'))
print('aaaa'.count('aa'), 'aaaa'.find('aa', 1), ''.count(''), ''.find(''), 'abc'.count('', 10))
print(s.find('a', None, None), s.find('a', 5, None), s.count('a', None, 4))
for fn in (lambda: s.index('z'), lambda: s.rindex('z'), lambda: s.index('a', 11),
           lambda: s.rindex('abra', 1, 5)):
    try:
        fn()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    s.find(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.count()
except TypeError as e:
    print(type(e).__name__, e)
print('été'.find('té'), 'naïve'.index('v'), '日本語テキスト'.rfind('テ'), '😀a😀'.rfind('😀'))
