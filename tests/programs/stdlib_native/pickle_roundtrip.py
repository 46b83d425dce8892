# pickle round trips through BytesIO framing (BytesIO.getbuffer)
import pickle, io, collections
data = {'a': [1, 2.5, None, True], 'b': ('x', b'y'), 'c': {1, 2}, 'd': collections.OrderedDict(z=1)}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(blob) == data)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
buf = io.BytesIO()
pickle.dump([Point(1, 2), Point(3, 4)], buf)
print(len(buf.getbuffer()) == len(buf.getvalue()), bytes(buf.getbuffer()[:2]))
buf.seek(0)
print([(p.x, p.y) for p in pickle.load(buf)])
import codecs
print(pickle.loads(pickle.dumps(codecs.encode)) is codecs.encode, pickle.loads(pickle.dumps(len)) is len)
print(pickle.loads(pickle.dumps([].append)).__name__)
