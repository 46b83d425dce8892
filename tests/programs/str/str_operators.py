# in, comparison, +, * on strings
print('ell' in 'hello', '' in 'abc', '' in '', 'z' not in 'abc', 'ABC' in 'abc')
print('a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' < 'a', 'é' > 'z')
print('abc' == 'abc', 'abc' != 'ABC', 'a' <= 'a', 'b' >= 'a', max('apple', 'pear', 'fig'))
print(sorted(['banana', 'Apple', 'cherry', 'apple', '_x', '10', '9']))
print('ab' + 'cd', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -2, repr('' * 100))
print('a' 'b' 'c', ('x' 'y') * 2)
for fn in (lambda: 'a' + 1, lambda: 1 + 'a', lambda: 'a' * 'b', lambda: 'a' * 1.5,
           lambda: 1 in 'abc', lambda: 'a' < 1, lambda: 'a' - 'b', lambda: -'a'):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
print('abc'.__contains__('b'), 'abc'.__add__('d'), 'ab'.__mul__(2), 'ab'.__rmul__(2))
print('abc'.__lt__(1), 'a'.__eq__(1))
print(len('hello' * 1000), ('ab' * 3).count('ab'))
