# iterating over strings
s = 'héllo😀'
for ch in s:
    print(repr(ch), ord(ch))
print(list(s), tuple('ab'), list(''))
it = iter('ab')
print(next(it), next(it), next(it, 'done'))
print(list(reversed('abc')), list(enumerate('xy')), list(zip('ab', 'cd')))
print([c * 2 for c in 'abc'], {c for c in 'aab'} == {'a', 'b'}, dict.fromkeys('ab'))
print(type(iter('x')).__name__, type(reversed('x')).__name__)
print(sum(1 for c in 'mississippi' if c == 's'))
it = iter('xyz')
next(it)
print(list(it), list(it))
print(''.join(ch for ch in 'a1b2' if ch.isalpha()), [c for c in '😀é'])
count = 0
for _ in 'x' * 5:
    count += 1
print(count, 'b' in iter('abc'), list(iter('abc'))[1:])
