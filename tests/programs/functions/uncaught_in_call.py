def parse(record):
    key, value = record.split("=")
    return key, int(value)

def load(lines):
    result = {}
    for line in lines:
        k, v = parse(line)
        result[k] = v
    return result

print(load(["a=1", "b=2"]))
print(load(["c=3", "broken"]))
