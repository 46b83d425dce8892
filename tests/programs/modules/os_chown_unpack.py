# os.chown/lchown/fchown, and unpacking a gztar archive (tarfile changes owners as root)
import os, tempfile, tarfile, shutil
d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
open(p, 'w').write('x')
st = os.stat(p)
os.chown(p, st.st_uid, st.st_gid)
os.chown(p, -1, -1)
os.lchown(p, -1, -1)
fd = os.open(p, os.O_RDONLY); os.fchown(fd, -1, -1); os.close(fd)
try:
    os.chown(os.path.join(d, 'missing'), -1, -1)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    os.chown(p, 'a', -1)
except TypeError as e:
    print(e)
shutil.make_archive(os.path.join(d, 'a'), 'gztar', d, 'f.txt')
out = os.path.join(d, 'out')
shutil.unpack_archive(os.path.join(d, 'a.tar.gz'), out)
print(os.listdir(out), open(os.path.join(out, 'f.txt')).read())
shutil.rmtree(d)
