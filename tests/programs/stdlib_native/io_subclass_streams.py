# Subclasses of the io stream types, set up by __init__ (tarfile.ExFileObject)
import io, tarfile, os, tempfile
class Upper(io.TextIOWrapper):
    def write(self, s):
        return super().write(s.upper())
b = io.BytesIO()
u = Upper(b, encoding='utf-8', line_buffering=True)
u.write('hello\n')
u.flush()
print(b.getvalue(), isinstance(u, io.TextIOWrapper), type(u).__name__)
class R(io.BufferedReader):
    def __init__(self, raw, tag):
        super().__init__(raw)
        self.tag = tag
r = R(io.BytesIO(b'abc\ndef\n'), 'T')
print(r.tag, r.readline(), r.read())
d = tempfile.mkdtemp()  # removed at the end
p = os.path.join(d, 'a.txt')
with open(p, 'w') as f: f.write('content\n')
tp = os.path.join(d, 'x.tar')
with tarfile.open(tp, 'w') as t: t.add(p, arcname='a.txt')
with tarfile.open(tp) as t:
    print(t.getnames())
    print(t.extractfile('a.txt').read())
class F(io.FileIO):
    pass
with F(p) as f:
    print(type(f).__name__, f.read(), f.mode)
import _android_support
import shutil; shutil.rmtree(d); print('cleaned')
