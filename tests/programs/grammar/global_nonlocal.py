counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def define_global():
    global created_later
    created_later = "made inside function"
define_global()
print(created_later)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(); inc()
print(get())
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
def shadow():
    counter = "local"
    def g():
        global counter
        return counter
    return g(), counter
print(shadow())
def multi():
    a = b = 0
    def set_both():
        nonlocal a, b
        a, b = 1, 2
    set_both()
    return a, b
print(multi())
x = "module"
class K:
    x = "class"
    def method(self):
        return x
    def method_global(self):
        global x
        return x
print(K().method(), K().method_global())
def class_in_function():
    y = "function"
    class Inner:
        y = "class attr"
        def get(self):
            return y
    return Inner().get(), Inner.y
print(class_in_function())
def loop_closures():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(loop_closures())
def read_then_assign():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        return str(e)
print(read_then_assign())
