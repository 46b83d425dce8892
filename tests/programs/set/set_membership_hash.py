# membership uses hash and eq
class H:
    calls = []
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        H.calls.append(('hash', self.v))
        return self.v % 3
    def __eq__(self, other):
        H.calls.append(('eq', self.v, other.v))
        return self.v == other.v
s = {H(1), H(2)}
print(len(s), H.calls)
H.calls.clear()
print(H(4) in s, H.calls)
H.calls.clear()
print(H(1) in s, H.calls)
print({1, 2} & {2.0}, {2.0} & {1, 2}, {1} | {1.0}, {1.0} | {1})
n = float('nan')
print(n in {n}, float('nan') in {float('nan')}, len({n, n}), len({float('nan'), float('nan')}))
