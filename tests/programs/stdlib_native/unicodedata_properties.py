# unicodedata: per-character properties, names, lookup, numeric values, errors
import unicodedata as ud

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0).__name__)
print(ud.UCD, ud.UCD.__module__, isinstance(ud.ucd_3_2_0, ud.UCD))

samples = "A\u00e9z9\u0660\u00bd\u2167 \u00a0\u2028\u0301\u05d0\u0627\u4e00\uac00\u1100\u20ac(\u00ad\U0001f600\U00010400\ufb01\u2460\U0002ebf0\U00013460\ud800\ue000\x07"
for c in samples:
    print(f"U+{ord(c):04X}", ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None), ud.name(c, "-"))

# The Unicode 3.2 view used by IDNA: new characters are unassigned there.
old = ud.ucd_3_2_0
for c in "A\u0221\u20b9\U0001f600\u2167\u1d79\u0e33\U0002ebf0\u3099":
    print(f"U+{ord(c):04X}", old.category(c), repr(old.bidirectional(c)), old.combining(c),
          old.east_asian_width(c), old.mirrored(c), repr(old.decomposition(c)),
          old.decimal(c, None), old.numeric(c, None), old.name(c, "-"))

# Names and lookup: aliases, named sequences, algorithmic names, case rules.
for name in ["LATIN SMALL LETTER A", "latin small letter a", "SNOWMAN", "BYTE ORDER MARK",
             "LINE FEED", "LF", "LATIN CAPITAL LETTER GHA", "TAMIL SYLLABLE KSSA",
             "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "HANGUL SYLLABLE GAG",
             "hangul syllable gag", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-4e00",
             "CJK UNIFIED IDEOGRAPH-2EBF0", "TANGUT IDEOGRAPH-17000", "NUSHU CHARACTER-1B170",
             "CJK COMPATIBILITY IDEOGRAPH-F900", "EGYPTIAN HIEROGLYPH-13460", "NO SUCH THING",
             "x" * 256, "x" * 257, "SNOWMAN\0x", "caf\u00e9", ""]:
    for db in (ud, old):
        try:
            print(repr(name[:40]), repr(db.lookup(name)))
        except KeyError as e:
            print(repr(name[:40]), "KeyError", e)
print(repr(ud.lookup(b"SNOWMAN")))
for c in "\uac01\u4e00\U00017000\U0001b170\x00\ue000\U000e0100":
    print(ud.name(c, None))

# decimal / digit / numeric with and without defaults.
for c in "7\u0669\u00b2\u2155\u216b\u4e07\u5146x":
    for f in (ud.decimal, ud.digit, ud.numeric):
        try:
            print(f.__name__, repr(c), f(c), f(c, "dflt"))
        except ValueError as e:
            print(f.__name__, repr(c), "ValueError", e, f(c, "dflt"))

# Argument errors, with CPython's messages.
bad = [lambda: ud.category("ab"), lambda: ud.category(""), lambda: ud.category(65),
       lambda: ud.category(), lambda: ud.category("a", "b"), lambda: ud.category(chr=1),
       lambda: ud.name("ab"), lambda: ud.name(), lambda: ud.name("a", 1, 2),
       lambda: ud.name("\x00"), lambda: ud.decimal(1), lambda: ud.numeric("a", 1, 2),
       lambda: ud.lookup(1), lambda: ud.lookup(bytearray(b"A")), lambda: ud.lookup(),
       lambda: ud.lookup("\ud800"), lambda: old.category(), lambda: old.name("a", c=1),
       lambda: old.lookup("BYTE ORDER MARK"), lambda: ud.UCD(), lambda: ud.mirrored(None)]
for f in bad:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# The namereplace error handler names characters the same way (Unicode 15.1).
print("\u00e9\U0001f600\ud800\U0001fae9\uac00\u4e00\U00013460\x07".encode("ascii", "namereplace"))
