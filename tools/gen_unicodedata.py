"""Generate Taipan's Unicode character database from CPython 3.13 (Unicode 15.1.0).

Run from the repository root with CPython 3.13:

    PYENV_VERSION=3.13.0 python3.13 tools/gen_unicodedata.py          # write the tables
    PYENV_VERSION=3.13.0 python3.13 tools/gen_unicodedata.py --check  # fail if stale

The per-code-point facts of the Unicode standard are read through CPython's own
`unicodedata` module and `str` predicates, so the tables agree with CPython by
construction.  Two Rust files are written:

    crates/taipan/src/objects/unicodectype_db.rs
        what `str` needs (CPython's `Objects/unicodetype_db.h`): the predicate flags
        behind `isalpha`/`isspace`/`isprintable`/`isidentifier`/..., the case
        mappings (full ones for `lower`/`upper`/`title`/`casefold`), and the decimal,
        digit and numeric values.
    crates/taipan/src/modules/unicodedata/tables.rs
        what `unicodedata` adds (CPython's `Modules/unicodedata_db.h`): category,
        bidirectional class, combining class, East Asian width, mirrored, the
        decomposition mappings, the canonical composition pairs, the changes that
        make up the `ucd_3_2_0` database, and the named character sequences.

Names come from the `unicode_names2` crate (Unicode 16.0), restricted at run time to
characters assigned in 15.1; the aliases that crate knows but Unicode 15.1 does not are
listed here (found by asking CPython about every alias in the crate's NameAliases.txt).
Named sequences are read from a NamedSequences.txt (Perl ships one; the list has not
changed since Unicode 14.0) and each one is checked against CPython's `lookup`.
"""

import glob
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CARGO_HOME = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
CTYPE_OUT = os.path.join(ROOT, "crates/taipan/src/objects/unicodectype_db.rs")
UCD_OUT = os.path.join(ROOT, "crates/taipan/src/modules/unicodedata/tables.rs")
NAMED_SEQUENCES = "/usr/share/perl/5.36.0/unicore/NamedSequences.txt"
NAME_ALIASES = glob.glob(os.path.join(
    CARGO_HOME, "registry/src/*/unicode_names2-1.3.0/data/NameAliases.txt"))

assert unicodedata.unidata_version == "15.1.0", unicodedata.unidata_version
OLD = unicodedata.ucd_3_2_0
N = 0x110000
CHARS = [chr(c) for c in range(N)]

HEADER = ("// Generated from CPython {}'s unicodedata (Unicode {}) by tools/gen_unicodedata.py;\n"
          "// do not edit.  Regenerate with `python3.13 tools/gen_unicodedata.py`.\n\n").format(
              sys.version.split()[0], unicodedata.unidata_version)


# ------------------------------------------------------------------------------------
# Output helpers
# ------------------------------------------------------------------------------------

def rust_array(name, ty, values, fmt=str, per_line=24):
    out = [f"#[rustfmt::skip]\npub static {name}: [{ty}; {len(values)}] = ["]
    for i in range(0, len(values), per_line):
        out.append("    " + ",".join(fmt(v) for v in values[i:i + per_line]) + ",")
    out.append("];\n")
    return "\n".join(out)


def rust_str(s):
    return '"' + "".join(f"\\u{{{ord(c):x}}}" if ord(c) >= 0x7f or c in '"\\' else c
                         for c in s) + '"'


def int_type(m):
    return "u8" if m < 256 else "u16" if m < 65536 else "u32"


def text_cost(values):
    return sum(len(str(v)) + 1 for v in values)


def split_blocks(values, shift):
    """Splits `values` into blocks of `1 << shift`, sharing equal blocks: (index of each
    block, concatenated distinct blocks)."""
    size = 1 << shift
    blocks, idx, data = {}, [], []
    for i in range(0, len(values), size):
        b = tuple(values[i:i + size])
        if b not in blocks:
            blocks[b] = len(blocks)
            data.extend(b)
        idx.append(blocks[b])
    return idx, data


def three_level(name, values):
    """`values` (one int per code point) as a three-level table; the value of `c` is
    `{name}_LEVEL3[(LEVEL2[(LEVEL1[c >> (S2 + S3)] << S2) + (c >> S3 & M2)] << S3) + (c & M3)]`
    where Sn is `{name}_SHIFTn` and Mn its mask (see `unicodectype::lookup3`)."""
    best = None
    for s3 in range(3, 9):
        mid, level3 = split_blocks(values, s3)
        for s2 in range(2, 8):
            level1, level2 = split_blocks(mid, s2)
            cost = text_cost(level1) + text_cost(level2) + text_cost(level3)
            if best is None or cost < best[0]:
                best = (cost, s2, s3, level1, level2, level3)
    _, s2, s3, level1, level2, level3 = best
    return (f"pub const {name}_SHIFT2: u32 = {s2};\npub const {name}_SHIFT3: u32 = {s3};\n"
            + rust_array(f"{name}_LEVEL1", int_type(max(level1)), level1)
            + rust_array(f"{name}_LEVEL2", int_type(max(level2)), level2)
            + rust_array(f"{name}_LEVEL3", int_type(max(level3)), level3))


def records(name, values):
    """Deduplicates `values` (tuples); returns (index per code point, record list)."""
    index, recs, out = {}, [], []
    for v in values:
        i = index.get(v)
        if i is None:
            i = index[v] = len(recs)
            recs.append(v)
        out.append(i)
    return out, recs


# ------------------------------------------------------------------------------------
# unicodectype: what str needs
# ------------------------------------------------------------------------------------

FLAGS = ["ALPHA", "LOWER", "UPPER", "TITLE", "SPACE", "LINEBREAK", "PRINTABLE",
         "XID_START", "XID_CONTINUE", "CASED", "CASE_IGNORABLE", "EXTENDED_CASE"]
FLAG = {f: 1 << i for i, f in enumerate(FLAGS)}


def ctype_flags(c):
    f = 0
    if c.isalpha():
        f |= FLAG["ALPHA"]
    if c.islower():
        f |= FLAG["LOWER"]
    if c.isupper():
        f |= FLAG["UPPER"]
    if c.istitle() and not c.isupper():
        f |= FLAG["TITLE"]
    if c.isspace():
        f |= FLAG["SPACE"]
    if len(("a" + c + "b").splitlines()) == 2:
        f |= FLAG["LINEBREAK"]
    if c.isprintable():
        f |= FLAG["PRINTABLE"]
    if c.isidentifier() and c != "_":
        f |= FLAG["XID_START"]
    if ("a" + c).isidentifier():
        f |= FLAG["XID_CONTINUE"]
    # Cased: a following letter is lowercased by title() exactly when c is cased.
    if ("a" + c + "a").title()[-1] == "a":
        f |= FLAG["CASED"]
    # Case_Ignorable: a final sigma looks back through it (see handle_capital_sigma).
    if ("A" + c + "\u03a3").lower()[-1] == "\u03c2" and ("1" + c + "\u03a3").lower()[-1] == "\u03c3":
        f |= FLAG["CASE_IGNORABLE"]
    return f


def gen_ctype():
    numerics = sorted({unicodedata.numeric(c) for c in CHARS if unicodedata.numeric(c, None) is not None})
    numeric_index = {v: i + 1 for i, v in enumerate(numerics)}
    special = []
    values = []
    for cp, c in enumerate(CHARS):
        flags = ctype_flags(c)
        lower, upper, title, fold = c.lower(), c.upper(), c.title(), c.casefold()
        if len(lower) != 1 or len(upper) != 1 or len(title) != 1 or fold != lower:
            flags |= FLAG["EXTENDED_CASE"]
            special.append((cp, lower, title, upper, fold))
        dec = unicodedata.decimal(c, None)
        dig = unicodedata.digit(c, None)
        num = unicodedata.numeric(c, None)
        assert (dec is not None) == c.isdecimal() and (dig is not None) == c.isdigit()
        assert (num is not None) == c.isnumeric()
        values.append((flags, ord(upper[0]) - cp, ord(lower[0]) - cp, ord(title[0]) - cp,
                       255 if dec is None else dec, 255 if dig is None else dig,
                       0 if num is None else numeric_index[num]))
    index, recs = records("CTYPE", values)
    out = [HEADER]
    out.append("//! The `str` character database: CPython's `Objects/unicodetype_db.h` "
               "(see `unicodectype.rs`).\n\n")
    for f in FLAGS:
        out.append(f"pub const {f}: u16 = {FLAG[f]:#x};\n")
    out.append("\n/// (flags, upper delta, lower delta, title delta, decimal, digit, numeric index);\n"
               "/// 255 = no decimal/digit value, numeric index 0 = no numeric value.  The\n"
               "/// deltas give the first char of the full mapping.\n")
    out.append(rust_array("CTYPE_RECORDS", "(u16, i32, i32, i32, u8, u8, u16)", recs,
                          fmt=lambda r: "(" + ",".join(map(str, r)) + ")", per_line=6))
    out.append(three_level("CTYPE", index))
    out.append("/// Numeric values by numeric index - 1.\n")
    out.append(rust_array("NUMERIC_VALUES", "f64", numerics, fmt=lambda v: repr(float(v)), per_line=8))
    out.append("/// Full case mappings of the EXTENDED_CASE characters: (code point, lower, title,\n"
               "/// upper, casefold), sorted.\n")
    out.append(rust_array("SPECIAL_CASING", "(u32, &str, &str, &str, &str)", special,
                          fmt=lambda r: "(" + ",".join([hex(r[0])] + [rust_str(s) for s in r[1:]]) + ")",
                          per_line=2))
    return "".join(out)


# ------------------------------------------------------------------------------------
# unicodedata: what the module adds
# ------------------------------------------------------------------------------------

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
              "Cc", "Cf", "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
              "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
        "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
TAGS = ["", "<compat>", "<circle>", "<final>", "<font>", "<fraction>", "<initial>",
        "<isolated>", "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>", "<sub>",
        "<super>", "<vertical>", "<wide>"]


def parse_decomposition(s):
    parts = s.split()
    tag = ""
    if parts and parts[0].startswith("<"):
        tag = parts.pop(0)
    return TAGS.index(tag), [int(p, 16) for p in parts]


def override_runs(old, new):
    """Runs (start, end, value) with old(c) == value inside each run, covering every c
    where old(c) != new(c) (runs may also cover code points where the two agree)."""
    runs = []
    cur = None  # [start, end, value]
    for cp in range(N):
        o, n = old[cp], new[cp]
        if o != n:
            if cur is not None and cur[2] == o and cur[1] == cp - 1:
                cur[1] = cp
            else:
                if cur is not None:
                    runs.append(tuple(cur))
                cur = [cp, cp, o]
        elif cur is not None and cur[2] == o and cur[1] == cp - 1:
            cur[1] = cp
    if cur is not None:
        runs.append(tuple(cur))
    # Trim the tails that only cover agreeing code points.
    trimmed = []
    for s, e, v in runs:
        while old[e] == new[e]:
            e -= 1
        trimmed.append((s, e, v))
    return trimmed


def gen_ucd():
    ud = unicodedata
    values = []
    decomp = []
    for cp, c in enumerate(CHARS):
        values.append((CATEGORIES.index(ud.category(c)), BIDI.index(ud.bidirectional(c)),
                       ud.combining(c), EAW.index(ud.east_asian_width(c)), ud.mirrored(c)))
        d = ud.decomposition(c)
        if d:
            decomp.append((cp, *parse_decomposition(d)))
    index, recs = records("UCD", values)
    out = [HEADER]
    out.append("//! The `unicodedata` database: CPython's `Modules/unicodedata_db.h` "
               "(see `mod.rs`).\n\n")
    out.append(rust_array("CATEGORY_NAMES", "&str", CATEGORIES, fmt=rust_str, per_line=16))
    out.append(rust_array("BIDIRECTIONAL_NAMES", "&str", BIDI, fmt=rust_str, per_line=12))
    out.append(rust_array("EAST_ASIAN_WIDTH_NAMES", "&str", EAW, fmt=rust_str))
    out.append(rust_array("DECOMPOSITION_TAGS", "&str", TAGS, fmt=rust_str, per_line=9))
    out.append("/// (category, bidirectional, combining, east asian width, mirrored).\n")
    out.append(rust_array("UCD_RECORDS", "(u8, u8, u8, u8, u8)", recs,
                          fmt=lambda r: "(" + ",".join(map(str, r)) + ")", per_line=8))
    out.append(three_level("UCD", index))

    # Decompositions: DECOMP is, per code point, 0 or 1 + an offset into DECOMP_DATA,
    # where the word is (tag << 8 | length), followed by the code points.
    data, offsets = [], [0] * N
    for cp, tag, cps in decomp:
        offsets[cp] = len(data) + 1
        data.append(tag << 8 | len(cps))
        data.extend(cps)
    out.append(three_level("DECOMP", offsets))
    out.append("/// At each offset: `tag << 8 | length`, then `length` code points.\n")
    out.append(rust_array("DECOMP_DATA", "u32", data, per_line=16))

    # Canonical composition: the primary composites (canonical pairs that NFC produces).
    comp = []
    for cp, tag, cps in decomp:
        if tag == 0 and len(cps) == 2 and ud.normalize("NFC", chr(cp)) == chr(cp):
            comp.append((cps[0], cps[1], cp))
    comp.sort()
    out.append("/// (first, second, composite) for the primary composites, sorted.\n")
    out.append(rust_array("COMPOSITIONS", "(u32, u32, u32)", comp,
                          fmt=lambda r: f"({r[0]},{r[1]},{r[2]})", per_line=8))

    out.append(gen_ucd_3_2_0(decomp))
    out.append(gen_names())
    return "".join(out)


def gen_ucd_3_2_0(decomp):
    ud = unicodedata
    out = ["\n// ---- ucd_3_2_0: Unicode 3.2.0 as CPython's `unicodedata.ucd_3_2_0` sees it ----\n\n"]
    # Code points the old database calls unassigned (CPython: a change record with
    # category_changed == 0): no name, no decomposition, not decomposed by normalize.
    unassigned = [OLD.category(c) == "Cn" for c in CHARS]
    for cp, c in enumerate(CHARS):
        if unassigned[cp]:
            assert OLD.decomposition(c) == "" and OLD.name(c, None) is None, hex(cp)
        else:
            assert OLD.decomposition(c) == ud.decomposition(c), hex(cp)
            assert OLD.name(c, None) == ud.name(c, None), hex(cp)
    runs = []
    start = None
    for cp in range(N + 1):
        if cp < N and unassigned[cp]:
            if start is None:
                start = cp
        elif start is not None:
            runs.append((start, cp - 1))
            start = None
    out.append("/// Code points unassigned in Unicode 3.2.0, as inclusive ranges.\n")
    out.append(rust_array("UNASSIGNED_3_2_0", "(u32, u32)", runs,
                          fmt=lambda r: f"({r[0]:#x},{r[1]:#x})", per_line=8))

    def changes(name, old_f, new_f, ty, fmt=str):
        old = [old_f(c) for c in CHARS]
        new = [new_f(c) for c in CHARS]
        out.append(f"/// {name}: runs (first, last, value) where the 3.2.0 value is `value`,\n"
                   "/// covering every code point whose value changed since; sorted.\n")
        out.append(rust_array(name, f"(u32, u32, {ty})", override_runs(old, new),
                              fmt=lambda r: f"({r[0]:#x},{r[1]:#x},{fmt(r[2])})", per_line=6))

    changes("CATEGORY_3_2_0", lambda c: CATEGORIES.index(OLD.category(c)),
            lambda c: CATEGORIES.index(ud.category(c)), "u8")
    changes("BIDIRECTIONAL_3_2_0", lambda c: BIDI.index(OLD.bidirectional(c)),
            lambda c: BIDI.index(ud.bidirectional(c)), "u8")
    changes("COMBINING_3_2_0", OLD.combining, ud.combining, "u8")
    changes("EAST_ASIAN_WIDTH_3_2_0", lambda c: EAW.index(OLD.east_asian_width(c)),
            lambda c: EAW.index(ud.east_asian_width(c)), "u8")
    changes("MIRRORED_3_2_0", OLD.mirrored, ud.mirrored, "u8")
    nd = lambda v: 255 if v is None else v
    changes("DECIMAL_3_2_0", lambda c: nd(OLD.decimal(c, None)), lambda c: nd(ud.decimal(c, None)), "u8")
    changes("DIGIT_3_2_0", lambda c: nd(OLD.digit(c, None)), lambda c: nd(ud.digit(c, None)), "u8")
    nn = lambda v: -1.0 if v is None else v
    changes("NUMERIC_3_2_0", lambda c: nn(OLD.numeric(c, None)), lambda c: nn(ud.numeric(c, None)),
            "f64", fmt=lambda v: repr(float(v)))

    # Decomposition corrections (CPython's normalization_3_2_0): single replacements.
    corr = []
    for cp, c in enumerate(CHARS):
        if unassigned[cp]:
            continue
        o, n = OLD.normalize("NFD", c), ud.normalize("NFD", c)
        if o != n:
            assert len(o) == 1 and OLD.normalize("NFKD", c) == o, hex(cp)
            corr.append((cp, ord(o)))
    out.append("/// Decomposition corrections applied by the 3.2.0 normalization (code point,\n"
               "/// replacement), sorted.\n")
    out.append(rust_array("NORMALIZATION_3_2_0", "(u32, u32)", corr,
                          fmt=lambda r: f"({r[0]:#x},{r[1]:#x})", per_line=8))
    return "".join(out)


def gen_names():
    out = ["\n// ---- names ----\n\n"]
    seqs = []
    with open(NAMED_SEQUENCES, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, cps = line.split(";")
            text = "".join(chr(int(x, 16)) for x in cps.split())
            assert unicodedata.lookup(name) == text, name
            seqs.append((name.strip(), text))
    seqs.sort()
    out.append("/// Named character sequences (accepted by `lookup` only), sorted by name.\n")
    out.append(rust_array("NAMED_SEQUENCES", "(&str, &str)", seqs,
                          fmt=lambda r: f"({rust_str(r[0])},{rust_str(r[1])})", per_line=2))
    unknown = []
    with open(NAME_ALIASES[0], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cp, alias, _kind = line.split(";")
            try:
                found = unicodedata.lookup(alias)
            except KeyError:
                found = None
            if found != chr(int(cp, 16)):
                unknown.append(alias)
    out.append("/// Aliases `unicode_names2` (Unicode 16.0) knows that Unicode 15.1 does not.\n")
    out.append(rust_array("ALIASES_NOT_IN_15_1", "&str", sorted(unknown), fmt=rust_str, per_line=4))
    return "".join(out)


def main():
    check = "--check" in sys.argv[1:]
    missing = [what for what, ok in (("NamedSequences.txt", os.path.exists(NAMED_SEQUENCES)),
                                     ("unicode_names2's NameAliases.txt", bool(NAME_ALIASES)))
               if not ok]
    if missing:
        print("missing inputs: " + ", ".join(missing))
        sys.exit(2)
    stale = False
    for path, gen in ((CTYPE_OUT, gen_ctype), (UCD_OUT, gen_ucd)):
        text = gen()
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    print(f"{os.path.relpath(path, ROOT)} is stale: rerun tools/gen_unicodedata.py")
                    stale = True
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)} ({len(text)} bytes)")
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
