# Dictionaries with int and str keys: building, lookup, update, get,
# setdefault, membership, deletion and iteration.


def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 7 % n] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += d[i] & 1
    for i in range(0, n, 2):
        del d[i]
    s = 0
    for k, v in d.items():
        s += k ^ v
    return len(d), hits, s


def str_keys(n):
    words = ["w" + str(i % 5000) for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    first = {}
    for w, c in counts.items():
        key = w[:2]
        if key not in first:
            first[key] = c
        else:
            first[key] += c
    total = 0
    for key in sorted(first):
        total = (total * 31 + first[key]) % 1000003
    return len(counts), sorted((k, len(v)) for k, v in groups.items()), total


def nested(n):
    table = {}
    for i in range(n):
        row = table.get(i % 100)
        if row is None:
            row = {}
            table[i % 100] = row
        row["k" + str(i % 37)] = row.get("k" + str(i % 37), 0) + i
    agg = 0
    for r, row in table.items():
        for k in row:
            agg += row[k] % (r + 1)
    return agg


def update_merge(n):
    base = {i: i * i for i in range(200)}
    acc = 0
    for i in range(n):
        other = {i % 200: i, (i + 1) % 200: -i, "x": i}
        merged = dict(base)
        merged.update(other)
        acc += merged[i % 200] - merged.pop("x") + len(merged)
    return acc


def main():
    print("int_keys", int_keys(INT_N))
    print("str_keys", str_keys(STR_N))
    print("nested", nested(NEST_N))
    print("update", update_merge(UPD_N))


INT_N = 1200000
STR_N = 840000
NEST_N = 840000
UPD_N = 84000

main()
