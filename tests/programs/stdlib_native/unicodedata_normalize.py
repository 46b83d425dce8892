# unicodedata.normalize / is_normalized (NFC, NFD, NFKC, NFKD) and ucd_3_2_0 normalization
import unicodedata as ud

texts = ["caf\u00e9", "cafe\u0301", "\u212b", "A\u030a", "\ufb01ne", "\u1e9b\u0323",
         "\uac00\uac01", "\u1100\u1161\u11a8", "\u1100\u1161\u11a7", "\u1112\u1175\u11c2",
         "a\u0328\u0301e\u0300", "q\u0307\u0323", "\u0f73\u0f75", "\u0344\u0301",
         "\u2460\u00bd\u2075\u3300", "\uff21\uff22", "\U0001d15e\U0001d400", "\u0958\u093c",
         "\u0b47\u0b3e", "\u0dd9\u0dcf\u0dca", "\U000110ab", "\u00c5\u0301\u0323",
         "", "ascii only", "\u03d3\u03d4", "\uf951\U0002f868\ufdfa", "\u3099\u304b\u3099",
         "x\u0301\u0300\u0327\u0316"]
for t in texts:
    row = [ascii(t)]
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = ud.normalize(form, t)
        row.append(f"{form}={ascii(n)}:{ud.is_normalized(form, t)}:{ud.is_normalized(form, n)}")
    print(" ".join(row))

old = ud.ucd_3_2_0
for t in ["\uf951", "\U0002f868", "\u1e9b\u0323", "\U0001d15e", "\u2460", "\u0221\u0301",
          "\U0001f600", "\ufdfa", "a\u0345\u0301"]:
    print(ascii(t), [ascii(old.normalize(f, t)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [old.is_normalized(f, t) for f in ("NFC", "NFKD")])

# Idempotence and round trips on a mixed string.
s = "\u00c7a va? \u1e0b\u0323 \ufb03 \u3301 \ud55c\uad6d\uc5b4 \u00bd"
for f in ("NFC", "NFD", "NFKC", "NFKD"):
    n = ud.normalize(f, s)
    print(f, ascii(n), ud.normalize(f, n) == n, len(n))
print(ud.normalize("NFC", ud.normalize("NFD", s)) == ud.normalize("NFC", s))

for f in [lambda: ud.normalize("NFX", "a"), lambda: ud.normalize("nfc", "a"),
          lambda: ud.normalize(1, "a"), lambda: ud.normalize("NFC", 1),
          lambda: ud.normalize("NFC"), lambda: ud.normalize("NFC", "a", "b"),
          lambda: ud.is_normalized("NFQ", ""), lambda: ud.is_normalized("NFC", b"a"),
          lambda: ud.normalize(form="NFC", unistr="a"), lambda: old.normalize("X", "a")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# IDNA and stringprep run on ucd_3_2_0.
print("b\u00fccher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"))
from encodings import idna
print(idna.nameprep("Stra\u00dfe.DE"), idna.ToASCII("\u00c9COLE"), idna.ToUnicode(b"xn--cole-9oa"))
import stringprep
print(stringprep.in_table_b1("\u00ad"), stringprep.map_table_b2("\u00c5"),
      stringprep.in_table_c12("\u00a0"), stringprep.in_table_d1("\u05d0"),
      stringprep.in_table_a1("\u0221"), stringprep.in_table_c22("\u200c"))
