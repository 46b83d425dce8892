class ReadOnly:
    def __get__(self, instance, owner):
        return "This is a read-only attribute"

class Thing:
    attr = ReadOnly()

t = Thing()
print(t.attr)
print(Thing.attr)
t.attr = 'shadowed in instance dict'
print(t.attr)
print(Thing().attr)
del t.attr
print(t.attr)
