# str methods and conversions that use the Unicode database (Unicode 15.1, as CPython 3.13)
import unicodedata as ud

chars = ("aZ\u00df\u0130\u0131\u01c5\u01c4\u03a3\u03c2\u1e9e\u1f80\u1f88\u1fb3\ufb01\u0149"
         "\u1c89\u1c8a\ua7c0\ua7dc\U00010570\U0001e900\u13f8\uab70\u2c2f\u10d0\u1c90\u0345"
         "\u2160\u24b6\u02b0\u00aa\u0660\u00b2\u00bd\u4e07\u2155\u1e00\u0587")
for c in chars:
    print(f"U+{ord(c):04X}", ascii(c.upper()), ascii(c.lower()), ascii(c.title()),
          ascii(c.casefold()), ascii(c.swapcase()), ascii(c.capitalize()), c.isupper(),
          c.islower(), c.istitle(), c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(),
          c.isnumeric(), c.isidentifier(), c.isprintable(), c.isspace())

# Final sigma and case-ignorable characters.
for s in ["\u039f\u0394\u039f\u03a3", "\u03a3", "A\u03a3", "A\u03a3b", "A\u03a3.", "A'\u03a3",
          "A\u03a3'", "A\u03a3'b", "1\u03a3", "\u1f08\u03a3 \u03a3\u0391\u03a3",
          "A\u00ad\u03a3", "A\u02b0\u03a3"]:
    print(ascii(s.lower()), ascii(s.title()), ascii(s.capitalize()), ascii(s.swapcase()),
          ascii(s.casefold()))

# Predicates across scripts and versions of the standard.
for s in ["\u0e01\u0e33", "\u16ee", "\u2118x", "\u212e", "x\u00b7", "\u0cf3", "\U00011f00",
          "\u1885", "a\u200d", "\u2e2f", "\u0b55", "\U0001e4e8", "\U00031350", "\U0002ebf0",
          "\u0890", "\u1acf", "\U0001fbf0", "\U00011f50", "\u31ef", "\u2fff"]:
    print(ascii(s), s.isalpha(), s.isidentifier(), s.isprintable(), s.isnumeric(),
          ud.category(s[-1]))

# Whitespace and line boundaries.
ws = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\u180e\ufeff"
print([c.isspace() for c in ws])
print(len(("a" + "b".join(ws) + "c").splitlines()), "a\u2028b\x1cc\x85d".split())
print(ascii(" \u3000x\u2003 ".strip()), "\u00a0x\u00a0".strip() == "x")

# int() and float() accept any decimal digits (and Unicode spaces around them).
for s in ["\u0661\u0662\u0663", "\uff11\uff10", "\U0001d7d9\U0001d7ce", "\u0967\u096a",
          "\u00a0 42 \u2003", "\U00011f51\U00011f52", "\u00b2", "\u2155", "\x1c7", "7\x1f",
          "\u0663.\u0665", "1_\u0661", "\U0001e4f3"]:
    for f in (int, float):
        try:
            print(f.__name__, ascii(s), f(s))
        except ValueError as e:
            print(f.__name__, ascii(s), "ValueError", ascii(str(e)))
print(int("\u0661\u0660", 16), int("\U0001d7e2", 0), float("\u0968e\u0967"))

# re's Unicode classes and case-insensitive matching use the same tables.
import re
print(re.findall(r"\w+", "na\u00efve caf\u00e9 \u0663\u0664 \u2167 x\u0301y"))
print(re.findall(r"\d", "1\u0661\u00b2\u2155\U0001d7d8"), re.findall(r"\s", "a\u2028b\u00a0c\x1cd"))
print(re.match(r"(?i)\u1f88", "\u1f80"), re.match(r"(?i)stra\u00dfe", "STRASSE"),
      re.match(r"(?i)\u0130", "i"), re.fullmatch(r"(?i)[\u1c80-\u1c88]+", "\u0432\u0434\u043e"))
