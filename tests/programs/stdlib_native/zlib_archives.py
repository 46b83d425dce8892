# gzip, zipfile (ZIP_DEFLATED), tarfile (gz) and shutil.make_archive over zlib, in a
# temporary directory removed at the end.
import gzip, zipfile, tarfile, shutil, tempfile, os, io, zlib
data = b"".join(b"record %05d: the quick brown fox\n" % i for i in range(3000))
g = gzip.compress(data, mtime=0)
print(len(g), zlib.crc32(g), gzip.decompress(g) == data)
for lvl in (1, 6, 9):
    print(lvl, gzip.compress(data, compresslevel=lvl, mtime=0)[:20].hex())
print(gzip.decompress(g + gzip.compress(b"tail", mtime=0))[-10:])
print(zlib.decompress(g, 47) == data, zlib.decompress(zlib.compress(data), 0) == data)
tmp = tempfile.mkdtemp()
try:
    p = os.path.join(tmp, "f.gz")
    with gzip.GzipFile(p, "wb", mtime=0) as f:
        f.write(data[:5000]); f.flush(); f.write(data[5000:])
    with open(p, "rb") as f: raw = f.read()
    print(len(raw), zlib.crc32(raw))
    with gzip.open(p, "rb") as f:
        print(f.read(10), len(f.read()), )
    with gzip.open(p, "rt") as f:
        print(f.readline(), sum(1 for _ in f))
    src = os.path.join(tmp, "src"); os.mkdir(src)
    for i in range(3):
        with open(os.path.join(src, "file%d.txt" % i), "wb") as f: f.write(data[: 1000 * (i + 1)])
    zp = os.path.join(tmp, "a.zip")
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(3):
            z.write(os.path.join(src, "file%d.txt" % i), "file%d.txt" % i)
        z.writestr("s.txt", data)
    with zipfile.ZipFile(zp) as z:
        for info in z.infolist():
            print(info.filename, info.compress_type, info.file_size, info.compress_size, info.CRC)
        print(z.read("s.txt") == data, z.testzip())
        with z.open("file2.txt") as f: print(f.read(7), len(f.read()))
    tp = os.path.join(tmp, "a.tar.gz")
    with tarfile.open(tp, "w:gz") as t:
        t.add(src, arcname="src")
    with tarfile.open(tp, "r:gz") as t:
        names = sorted(t.getnames()); print(names)
        print(len(t.extractfile("src/file1.txt").read()))
    base = shutil.make_archive(os.path.join(tmp, "arch"), "zip", src)
    print(os.path.basename(base))
    with zipfile.ZipFile(base) as z:
        print(sorted((i.filename, i.file_size, i.compress_type) for i in z.infolist()))
    out = os.path.join(tmp, "out"); shutil.unpack_archive(base, out)
    print(sorted(os.listdir(out)))
    base = shutil.make_archive(os.path.join(tmp, "arch"), "gztar", src)
    with tarfile.open(base) as t: print(sorted(t.getnames()))
    try: gzip.decompress(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage")
    except Exception as e: print(type(e).__name__, e)
    try: gzip.decompress(g[:-10])
    except Exception as e: print(type(e).__name__, e)
finally:
    shutil.rmtree(tmp)
print(os.path.exists(tmp))
