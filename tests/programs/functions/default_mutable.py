def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(counter(), counter(), counter({}), counter())
def make_funcs():
    def f(x=[]):
        x.append(len(x))
        return x
    return f
f1 = make_funcs()
f2 = make_funcs()
print(f1(), f1(), f2())
print(f1.__defaults__[0] is f2.__defaults__[0])
def kwonly_mutable(*, bucket=set()):
    bucket.add(len(bucket))
    return sorted(bucket)
print(kwonly_mutable(), kwonly_mutable(), kwonly_mutable.__kwdefaults__)
class K:
    def m(self, acc=[]):
        acc.append(type(self).__name__)
        return acc
print(K().m(), K().m())
shared = []
def uses_global_default(x=shared):
    x.append("g")
    return x
uses_global_default()
print(shared)
