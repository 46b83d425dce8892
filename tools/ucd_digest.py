"""Digest of every Unicode property Taipan's str methods and unicodedata expose.

Run under both interpreters and compare (PYTHONHASHSEED=0 makes str hashes equal):

    PYTHONHASHSEED=0 PYENV_VERSION=3.13.0 python3.13 tools/ucd_digest.py > /tmp/cpy.txt
    PYTHONHASHSEED=0 target/debug/taipan tools/ucd_digest.py > /tmp/tp.txt
    diff /tmp/cpy.txt /tmp/tp.txt

Each line is `property block hash` for a block of 4096 code points; with arguments
`PROPERTY BLOCK` (block as printed) it prints the values of that block instead, to
find the differing code points.
"""

import sys
import unicodedata as ud

OLD = ud.ucd_3_2_0


def safe(f):
    def g(c):
        try:
            return repr(f(c))
        except Exception as e:
            return type(e).__name__
    return g


def linebreak(c):
    return len(("a" + c + "b").splitlines())


PROPS = {
    "isalpha": str.isalpha, "isdecimal": str.isdecimal, "isdigit": str.isdigit,
    "isnumeric": str.isnumeric, "isprintable": str.isprintable, "isspace": str.isspace,
    "isidentifier": str.isidentifier, "isalnum": str.isalnum, "islower": str.islower,
    "isupper": str.isupper, "istitle": str.istitle, "lower": str.lower, "upper": str.upper,
    "title": str.title, "casefold": str.casefold, "swapcase": str.swapcase,
    "capitalize": str.capitalize, "linebreak": linebreak,
    "idcont": lambda c: ("a" + c).isidentifier(),
    "sigma": lambda c: ("A" + c + "\u03a3").lower() + ("1" + c + "\u03a3 x").lower()
    + ("A\u03a3" + c).lower(),
    "titlectx": lambda c: ("a" + c + "a").title(),
    "int": safe(int), "float": safe(float), "int2": safe(lambda c: int(c + "1" + c)),
    "category": ud.category, "bidirectional": ud.bidirectional, "combining": ud.combining,
    "east_asian_width": ud.east_asian_width, "mirrored": ud.mirrored,
    "decomposition": ud.decomposition, "decimal": lambda c: ud.decimal(c, None),
    "digit": lambda c: ud.digit(c, None), "numeric": lambda c: ud.numeric(c, None),
    "name": lambda c: ud.name(c, None),
    "lookup": lambda c: ud.lookup(ud.name(c)) == c if ud.name(c, None) else None,
    "NFC": lambda c: ud.normalize("NFC", c), "NFD": lambda c: ud.normalize("NFD", c),
    "NFKC": lambda c: ud.normalize("NFKC", c), "NFKD": lambda c: ud.normalize("NFKD", c),
    "old.category": OLD.category, "old.bidirectional": OLD.bidirectional,
    "old.combining": OLD.combining, "old.east_asian_width": OLD.east_asian_width,
    "old.mirrored": OLD.mirrored, "old.decomposition": OLD.decomposition,
    "old.decimal": lambda c: OLD.decimal(c, None), "old.digit": lambda c: OLD.digit(c, None),
    "old.numeric": lambda c: OLD.numeric(c, None), "old.name": lambda c: OLD.name(c, None),
    "old.NFC": lambda c: OLD.normalize("NFC", c), "old.NFKD": lambda c: OLD.normalize("NFKD", c),
    "compose": lambda c: ud.normalize("NFC", "a" + c + "\u0301\u0328e\u0300" + c),
    "old.compose": lambda c: OLD.normalize("NFKC", "a" + c + "\u0301\u0328e\u0300" + c),
}
try:
    import _sre
    PROPS["sre.tolower"] = lambda c: _sre.unicode_tolower(ord(c))
    PROPS["sre.iscased"] = lambda c: _sre.unicode_iscased(ord(c))
    import re
    w, d, s = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    PROPS["re"] = lambda c: (bool(w.match(c)), bool(d.match(c)), bool(s.match(c)))
    ci = re.compile(r"(?i)[\u1f00-\u1fff\u0100-\u017f\u0400-\u04ff]")
    PROPS["re.ignorecase"] = lambda c: bool(ci.match(c))
except ImportError:
    pass

BLOCK = 4096


def block_values(f, b):
    return [str(f(chr(cp))) for cp in range(b * BLOCK, min((b + 1) * BLOCK, 0x110000))]


def main():
    if len(sys.argv) == 3:
        f = PROPS[sys.argv[1]]
        b = int(sys.argv[2], 16) // BLOCK
        for i, v in enumerate(block_values(f, b)):
            print(hex(b * BLOCK + i), v)
        return
    names = sys.argv[1:2] or list(PROPS)
    for name in names:
        f = PROPS[name]
        for b in range(0x110000 // BLOCK):
            print(name, hex(b * BLOCK), hash("\0".join(block_values(f, b))))


main()
