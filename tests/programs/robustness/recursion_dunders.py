# infinite recursion inside __eq__, __hash__, __getattr__, __len__
class EqLoop:
    def __eq__(self, other):
        return self == other
try:
    EqLoop() == 1
except RecursionError as e:
    print('eq', type(e).__name__, e)
try:
    EqLoop() in [1, 2]
except RecursionError as e:
    print('in', type(e).__name__)
class HashLoop:
    def __hash__(self):
        return hash(self)
try:
    {HashLoop(): 1}
except RecursionError as e:
    print('hash', type(e).__name__, e)
class GetattrLoop:
    def __getattr__(self, name):
        return self.missing_too
try:
    GetattrLoop().anything
except RecursionError as e:
    print('getattr', type(e).__name__, e)
print('hasattr', end=' ')
try:
    print(hasattr(GetattrLoop(), 'x'))
except RecursionError as e:
    print(type(e).__name__)
class LenLoop:
    def __len__(self):
        return len(self)
try:
    len(LenLoop())
except RecursionError as e:
    print('len', type(e).__name__)
class StrLoop:
    def __str__(self):
        return str(self)
try:
    f'{StrLoop()}'
except RecursionError as e:
    print('str', type(e).__name__)
class IterLoop:
    def __iter__(self):
        return iter(self)
try:
    list(IterLoop())
except RecursionError as e:
    print('iter', type(e).__name__)
print('survived')
