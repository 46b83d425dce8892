# gc.get_referrers / gc.get_referents: containment checks only
import gc
class Thing:
    pass
target = Thing()
holder_list = [target]
holder_dict = {'k': target}
class Owner:
    pass
owner = Owner()
owner.attr = target
refs = gc.get_referrers(target)
print(any(r is holder_list for r in refs))
print(any(r is holder_dict for r in refs))
print(any(r is owner.__dict__ or r is owner for r in refs))
lst = [1, 'two', target]
referents = gc.get_referents(lst)
print(any(r is target for r in referents), 'two' in referents, len(referents))
print(any(r is target for r in gc.get_referents(holder_dict)))
t = (holder_list, holder_dict)
print(all(any(r is x for r in gc.get_referents(t)) for x in t))
print(gc.get_referents(5), gc.get_referents())
print(type(gc.get_referrers()).__name__)
