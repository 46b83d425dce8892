# removeprefix and removesuffix
print('TestHook'.removeprefix('Test'), 'TestHook'.removeprefix('Hook'), 'abc'.removeprefix(''))
print('MiscTests'.removesuffix('Tests'), 'TmpDirMixin'.removesuffix('Tests'), 'abc'.removesuffix(''))
print(repr('abc'.removeprefix('abc')), repr('abc'.removesuffix('abc')), repr(''.removeprefix('a')))
print('aaa'.removeprefix('a'), 'aaa'.removesuffix('a'), 'abcabc'.removeprefix('abc'))
try:
    'abc'.removeprefix(('a',))
except TypeError as e:
    print(type(e).__name__, e)
try:
    'abc'.removesuffix(None)
except TypeError as e:
    print(type(e).__name__, e)
s = 'same'
print(s.removeprefix('x') is s, type(s.removeprefix('s')).__name__)
