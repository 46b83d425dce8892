# str.maketrans and str.translate
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()))
print('aabbcc-abc'.translate(t))
t2 = str.maketrans('abc', 'xyz', 'd')
print('abcdd'.translate(t2), sorted(t2.items()))
t3 = str.maketrans({'a': '1', 'b': None, ord('c'): 'CC', 'd': 100})
print(sorted(t3.items()), 'abcde'.translate(t3))
print('hello'.translate({ord('l'): None}), 'hello'.translate({}), 'hi'.translate({104: 'H', 105: 73}))
class Tbl:
    def __getitem__(self, k):
        if k == ord('x'):
            raise LookupError
        return chr(k).upper()
print('abxcd'.translate(Tbl()))
for args in [('ab', 'c'), (1,), ({'ab': 'c'},), ({1.5: 'x'},)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    'a'.translate({97: 1.5})
except TypeError as e:
    print(type(e).__name__, e)
print('a'.translate({97: 0x1F600}), 'abc'.translate(str.maketrans('', '', 'b')))
