print("shapes.circle executing, __name__ =", __name__, "__package__ =", __package__)
PI = 3

def area(r):
    return PI * r * r
