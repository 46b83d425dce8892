# __eq__ that raises, inside container operations
class Boom:
    def __init__(self, h=1):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        raise ValueError('eq exploded')
    def __repr__(self):
        return 'Boom'
items = [1, Boom(), 3]
for label, fn in [
    ('list.index', lambda: items.index(3)),
    ('list.index miss', lambda: [Boom()].index(3)),
    ('in list', lambda: 5 in [Boom()]),
    ('list.count', lambda: [Boom(), Boom()].count(1)),
    ('list.remove', lambda: [Boom()].remove(1)),
    ('list ==', lambda: [Boom()] == [Boom()]),
    ('tuple ==', lambda: (1, Boom()) == (1, 2)),
    ('dict lookup collision', lambda: {Boom(7): 1}[Boom(7)]),
    ('dict lookup same obj', lambda: (lambda b: {b: 'found'}[b])(Boom())),
    ('set add collision', lambda: {Boom(3), Boom(3)}),
    ('dict with int key hash 1', lambda: {1: 'one'}[Boom(1)]),
    ('max', lambda: max([Boom(), Boom()])),
    ('sorted', lambda: sorted([Boom(), Boom()])),
]:
    try:
        print(label, '->', fn())
    except (ValueError, TypeError) as e:
        print(label, '->', type(e).__name__, e)
