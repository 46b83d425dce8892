# assorted str behaviours: str(), constructor forms, multiplication of empties
print(str(), str(1), str(1.5), str([1, 'a']), str(None), str(b'ab'), str(b'ab', 'ascii'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', encoding='latin-1'), str(b'\xff', 'utf-8', 'replace'))
print(str(object=42), str(bytearray(b'hi'), 'ascii'))
try:
    str('abc', 'utf-8')
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
class S(str):
    def extra(self):
        return self.upper() + '!'
x = S('hey')
print(x.extra(), type(x + 'a').__name__, type(x.upper()).__name__, type(str(x)).__name__, x == 'hey')
print(isinstance(x, str), repr(x), S.__mro__[1].__name__)
class WithStr:
    def __str__(self):
        return 'custom'
print(str(WithStr()), f'{WithStr()}', '%s' % WithStr(), 'a' + str(WithStr()))
class BadStr:
    def __str__(self):
        return 5
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
print('Hello'.__len__(), 'abc'.__getitem__(1), 'abc'.__hash__() == hash('abc'))
print('a,b'.split(',') == ['a', 'b'], 'abc'.index('c'), 'AbC'.lower().upper())
