# String work: concatenation, join, split, slicing, methods, %-formatting,
# str.format and f-strings.


def build_and_split(n):
    parts = []
    for i in range(n):
        parts.append("item" + str(i % 1000))
    line = ",".join(parts)
    fields = line.split(",")
    total = 0
    for f in fields:
        total += len(f)
    words = " ".join(fields[:2000]).upper().split()
    return len(line), total, len(words), words[-1]


def slicing(n):
    text = "the quick brown fox jumps over the lazy dog " * 20
    acc = 0
    size = len(text)
    for i in range(n):
        a = i % size
        piece = text[a:a + 12]
        rev = piece[::-1]
        if rev.startswith(" "):
            acc += 1
        acc += text.find("o", a) & 7
        acc += len(piece.strip())
    return acc


def formatting(n):
    out = []
    for i in range(n):
        x = i * 0.5
        name = "n" + str(i % 97)
        out.append(f"{name}:{i:05d}|{x:.2f}|{i % 7!r}")
        out.append("%s-%d-%x" % (name, i, i))
        out.append("{}/{:>6}/{:<4}".format(name, i % 1000, i % 13))
    h = 0
    for s in out:
        h = (h * 131 + len(s) + ord(s[-1])) % 1000000007
    return len(out), h, out[-1], out[-2], out[-3]


def transforms(n):
    base = "Hello, World! Taipan speaks Python. "
    count = 0
    s = ""
    for i in range(n):
        t = base.replace("o", str(i % 10)).lower()
        if "5" in t:
            count += t.count("l")
        s += t[i % len(t)]
        if len(s) > 200:
            s = s[100:]
    pieces = "a=1;b=2;c=3;d=4".split(";")
    kv = {}
    for p in pieces:
        k, v = p.split("=")
        kv[k.strip()] = int(v)
    return count, s[:20], kv


def main():
    print("build", build_and_split(BUILD_N))
    print("slice", slicing(SLICE_N))
    print("format", formatting(FMT_N))
    print("transform", transforms(TRANS_N))


BUILD_N = 810000
SLICE_N = 810000
FMT_N = 200000
TRANS_N = 400000

main()
