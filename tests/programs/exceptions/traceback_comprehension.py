def ratios(pairs):
    return [a / b for a, b in pairs]

def nested(rows):
    return {name: [1 / v for v in vals] for name, vals in rows.items()}

print(ratios([(1, 2), (3, 4)]))
print(nested({"x": [1, 2]}))
gen = (10 // n for n in [5, 0])
print(next(gen))
print(nested({"y": [4, 0]}))
