class Default(dict):
    def __missing__(self, key):
        print(f"__missing__({key!r})")
        return f"default-{key}"
d = Default(a=1)
print(d["a"], d["b"])
print("b" in d, len(d))
print(d.get("c"), d.get("c", "get ignores __missing__"))
print(d.setdefault("e", 5), d)
class Memo(dict):
    def __missing__(self, key):
        value = self[key] = key * 2
        return value
m = Memo()
print(m[3], m[4], m)
class Raises(dict):
    def __missing__(self, key):
        raise LookupError(f"custom missing {key}")
try:
    Raises()["x"]
except LookupError as e:
    print(type(e).__name__, e)
class NotDict:
    def __missing__(self, key):
        return "never used"
    def __getitem__(self, key):
        raise KeyError(key)
try:
    NotDict()["q"]
except KeyError as e:
    print(type(e).__name__, e)
import collections
dd = collections.defaultdict(list)
dd["x"].append(1)
dd["y"]
print(dict(dd), dd.default_factory)
counter = collections.Counter("hello")
print(counter["l"], counter["z"], "z" in counter)
class InstanceMissing(dict):
    pass
im = InstanceMissing()
im.__missing__ = lambda key: "instance attribute ignored"
try:
    im["k"]
except KeyError as e:
    print(type(e).__name__, e)
class ChainedLookup(dict):
    def __init__(self, parent, **kw):
        super().__init__(**kw)
        self.parent = parent
    def __missing__(self, key):
        return self.parent[key]
base = {"a": "from base"}
child = ChainedLookup(base, b="from child")
print(child["a"], child["b"])
try:
    child["zz"]
except KeyError as e:
    print(type(e).__name__, e)
