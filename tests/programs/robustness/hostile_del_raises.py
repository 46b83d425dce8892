# __del__ that raises: reported as "Exception ignored in" on stderr
class Finalizer:
    def __call__(self):
        raise ValueError('raised from __del__')
    def __repr__(self):
        return '<Finalizer>'
class Doomed:
    __del__ = Finalizer()
d = Doomed()
print('deleting')
del d
print('after delete')
items = [Doomed() for _ in range(2)]
items.clear()
print('after clear')
def scope():
    local = Doomed()
scope()
print('end')
