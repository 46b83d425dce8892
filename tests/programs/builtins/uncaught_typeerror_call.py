# uncaught TypeError from a bad call
def kwonly(*, a):
    return a
for call in (lambda: kwonly(1), lambda: kwonly(b=1), lambda: kwonly(), lambda: len(1, 2)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def posonly(a, /, b):
    return a + b
try:
    posonly(a=1, b=2)
except TypeError as e:
    print(type(e).__name__, e)
def greet(name, greeting='Hello'):
    return f'{greeting}, {name}!'
print(greet('Ada'))
print(greet('Ada', greeting='Hi'))
print(greet('Ada', 'Hey', 'extra'))
