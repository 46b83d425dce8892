import gc
class Resource:
    def __init__(self, name):
        self.name = name
        print("acquire", name)
    def __del__(self):
        print("release", self.name)
r = Resource("a")
del r
print("after del a")
r2 = Resource("b")
r2 = None
print("after rebinding b")
def scope():
    local = Resource("c")
    print("leaving scope")
scope()
print("after scope")
lst = [Resource("d"), Resource("e")]
lst.pop(0)
print("after pop")
lst.clear()
print("after clear")
x = Resource("f")
y = x
del x
print("still referenced by y")
del y
print("after del y")
class Cycle:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("cycle release", self.name)
a = Cycle("p")
b = Cycle("q")
a.other, b.other = b, a
del a, b
print("cycle not yet collected")
gc.collect()
print("after gc.collect")
def make_temp():
    return Resource("temp")
make_temp()
print("temporary released immediately")
last = Resource("at exit")
print("end of program")
