# format_map with dict subclasses
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{name} was born in {country}'.format_map(Default(name='Guido')))
print('{a}{b}'.format_map({'a': 1, 'b': 2}))
class Mapping:
    def __getitem__(self, k):
        return k.upper()
print('{hello} {world}'.format_map(Mapping()))
try:
    '{x}'.format_map({})
except KeyError as e:
    print(type(e).__name__, e)
try:
    '{}'.format_map({})
except ValueError as e:
    print(type(e).__name__, e)
try:
    '{x}'.format_map(5)
except TypeError as e:
    print(type(e).__name__, e)
print('{x[0]} {x.real}'.format_map({'x': [7]}) if False else '{x[0]}'.format_map({'x': [7]}))
