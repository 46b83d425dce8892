# %-formatting errors
cases = [
    ("'%s %s' % ('a',)", lambda: '%s %s' % ('a',)),
    ("'%s' % ('a', 'b')", lambda: '%s' % ('a', 'b')),
    ("'hello' % 5", lambda: 'hello' % 5),
    ("'%d' % 'x'", lambda: '%d' % 'x'),
    ("'%x' % 1.5", lambda: '%x' % 1.5),
    ("'%c' % 'ab'", lambda: '%c' % 'ab'),
    ("'%c' % -1", lambda: '%c' % -1),
    ("'%c' % 0x110000", lambda: '%c' % 0x110000),
    ("'%(a)s' % ('x',)", lambda: '%(a)s' % ('x',)),
    ("'%(a)s' % {}", lambda: '%(a)s' % {}),
    ("'%q' % 1", lambda: '%q' % 1),
    ("'%' % ()", lambda: '%' % ()),
    ("'%s %(a)s' % {'a': 1}", lambda: '%s %(a)s' % {'a': 1}),
    ("'%*d' % ('x', 1)", lambda: '%*d' % ('x', 1)),
    ("'%(a' % {'a': 1}", lambda: '%(a' % {'a': 1}),
    ("'%d' % None", lambda: '%d' % None),
    ("'%s' % ()", lambda: '%s' % ()),
    ("'%f' % '1.0'", lambda: '%f' % '1.0'),
    ("'' % ()", lambda: '' % ()),
    ("'' % []", lambda: '' % []),
    ("'x' % {}", lambda: 'x' % {}),
]
for label, fn in cases:
    try:
        print(label, '->', repr(fn()))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(label, '->', type(e).__name__, e)
