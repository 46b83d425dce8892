"""Generates nodes.rs, the table of Python 3.13's AST node classes.

Run with CPython 3.13:  python3.13 crates/taipan/src/modules/ast/gen_nodes.py
The source of truth is the ASDL description (Parser/Python.asdl) as CPython 3.13 exposes
it: each node class's docstring is its ASDL declaration.  The output lists every class in
ASDL order with its base, fields (name, ASDL type, cardinality), whether it carries
positions, and its docstring.
"""

import _ast
import os
import re

# The ASDL definitions of Python.asdl, in file order.
TYPES = ["mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop", "cmpop",
         "comprehension", "excepthandler", "arguments", "arg", "keyword", "alias",
         "withitem", "match_case", "pattern", "type_ignore", "type_param"]

FIELD_RE = re.compile(r"(\w+)([*?]?) (\w+)")


def fields_of(decl):
    m = re.match(r"\w+\((.*)\)$", decl.strip())
    if not m:
        return []
    out = []
    for part in m.group(1).split(", "):
        t, card, name = FIELD_RE.match(part).groups()
        out.append((name, t, {"": "One", "?": "Opt", "*": "Seq"}[card]))
    return out


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def node(name, base, cls, is_abstract):
    positions = "lineno" in cls._attributes
    end_opt = positions and "end_lineno" in cls.__dict__
    decl = cls.__doc__
    fields = [] if is_abstract else fields_of(decl)
    fs = ", ".join(f"({rust_str(n)}, {rust_str(t)}, Card::{c})" for n, t, c in fields)
    own_attrs = "_attributes" in cls.__dict__
    return (f"    NodeDef {{ name: {rust_str(name)}, base: {rust_str(base)}, abstract_: {str(is_abstract).lower()}, "
            f"own_attributes: {str(own_attrs).lower()}, positions: {str(positions).lower()}, "
            f"end_optional: {str(end_opt).lower()}, fields: &[{fs}], doc: {rust_str(decl)} }},")


def main():
    rows = []
    for t in TYPES:
        cls = getattr(_ast, t)
        doc = cls.__doc__
        if doc.startswith(t + " = "):
            # A sum: the abstract class, then its constructors in order.
            rows.append(node(t, "AST", cls, True))
            for ctor in re.findall(r"(?:= |\| )(\w+)", doc):
                rows.append(node(ctor, t, getattr(_ast, ctor), False))
        else:
            rows.append(node(t, "AST", cls, False))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "nodes.rs"), "w") as f:
        f.write("// Generated from Python 3.13's ASDL description by gen_nodes.py; do not edit.\n\n")
        f.write("use super::{Card, NodeDef};\n\n")
        f.write("pub static NODES: &[NodeDef] = &[\n")
        f.write("\n".join(rows))
        f.write("\n];\n")


main()
