# an uncaught exception whose __str__ raises
class Fine(Exception):
    pass
print(str(Fine('ok')), repr(Fine('ok')), str(Fine()), str(Fine(1, 2)))
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError('cannot render')
try:
    raise Unprintable('payload')
except Unprintable as e:
    print(type(e).__name__, e.args)
    try:
        str(e)
    except RuntimeError as inner:
        print('str failed:', inner)
print('now uncaught')
raise Unprintable('payload')
