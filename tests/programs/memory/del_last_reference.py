# __del__ runs as soon as the last reference goes away
class Tracked:
    def __init__(self, name):
        self.name = name
        print('create', name)
    def __del__(self):
        print('delete', self.name)
a = Tracked('a')
print('before del')
del a
print('after del')
b = Tracked('b1')
b = Tracked('b2')
print('after reassignment')
def scope():
    local = Tracked('local')
    print('leaving function')
scope()
print('after function')
lst = [Tracked('in-list')]
lst.clear()
print('after clear')
d = {'k': Tracked('in-dict')}
d.pop('k')
print('after pop')
x = Tracked('shared')
y = x
del x
print('still referenced by y')
y = None
print('after y = None')
def ret():
    return Tracked('temp')
ret()
print('after discarded return value')
t = Tracked('attr-holder')
t.child = Tracked('child')
del t
print('after deleting holder')
[Tracked('comprehension-%d' % i) for i in range(2)]
print('after comprehension')
del b
last = Tracked('at-exit')
print('end of program')
