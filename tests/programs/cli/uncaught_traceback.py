def inner(x):
    return 10 // x

def middle(x):
    return inner(x) + 1

def outer():
    print("calling")
    return middle(0)

print("start")
outer()
print("never")
