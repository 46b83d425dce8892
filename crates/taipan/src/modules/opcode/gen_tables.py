"""Generates tables.rs: CPython 3.13's opcode properties for the `_opcode` module.

Run with CPython 3.13:  python3.13 crates/taipan/src/modules/opcode/gen_tables.py
`dis`/`opcode` describe CPython's instruction set (numbers from `_opcode_metadata`), not
Taipan's, so the properties are recorded from CPython itself.  Stack effects are stored
as a formula per (opcode, jump) that reproduces CPython's values for every oparg.
"""

import _opcode
import os

MAX_OP = 512


def sample(op, jump):
    try:
        return [_opcode.stack_effect(op, a, jump=jump) for a in range(64)]
    except ValueError:
        # CPython has no stack effect for this (specialized or instrumented) opcode.
        assert all(_raises(op, a, jump) for a in range(64))
        return None


def _raises(op, a, jump):
    try:
        _opcode.stack_effect(op, a, jump=jump)
    except ValueError:
        return True
    return False


def formula(vals):
    """Linear(base, slope), Bit0(base, coeff) (base + coeff * (oparg & 1)),
    Slice(other, three) (BUILD_SLICE), or Invalid."""
    if vals is None:
        return "Effect::Invalid"
    slope = vals[1] - vals[0]
    if all(v == vals[0] + slope * i for i, v in enumerate(vals)):
        return f"Effect::Linear({vals[0]}, {slope})"
    if all(v == vals[0] + slope * (i & 1) for i, v in enumerate(vals)):
        return f"Effect::Bit0({vals[0]}, {slope})"
    if all(v == (vals[3] if i == 3 else vals[0]) for i, v in enumerate(vals)):
        return f"Effect::Slice({vals[0]}, {vals[3]})"
    raise SystemExit(f"no formula for {vals}")


def main():
    rows = []
    for op in range(MAX_OP):
        if not _opcode.is_valid(op):
            continue
        flags = [f for f in ("has_arg", "has_const", "has_name", "has_jump", "has_free", "has_local", "has_exc")
                 if getattr(_opcode, f)(op)]
        bits = " | ".join(f.upper() for f in flags) or "0"
        effects = ", ".join(formula(sample(op, j)) for j in (None, True, False))
        rows.append(f"    OpInfo {{ op: {op}, flags: {bits}, effect: [{effects}] }},")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "tables.rs"), "w") as f:
        f.write("// Generated from CPython 3.13's _opcode by gen_tables.py; do not edit.\n\n")
        f.write("use super::{Effect, OpInfo, HAS_ARG, HAS_CONST, HAS_EXC, HAS_FREE, HAS_JUMP, HAS_LOCAL, HAS_NAME};\n\n")
        f.write("/// Every valid opcode, in increasing order; effects for jump=None, True, False.\n")
        f.write("pub static OPS: &[OpInfo] = &[\n" + "\n".join(rows) + "\n];\n\n")
        f.write(f"pub static INTRINSIC1: &[&str] = &{list_lit(_opcode.get_intrinsic1_descs())};\n")
        f.write(f"pub static INTRINSIC2: &[&str] = &{list_lit(_opcode.get_intrinsic2_descs())};\n")
        nb = ", ".join(f'("{a}", "{b}")' for a, b in _opcode.get_nb_ops())
        f.write(f"pub static NB_OPS: &[(&str, &str)] = &[{nb}];\n")


def list_lit(items):
    return "[" + ", ".join(f'"{x}"' for x in items) + "]"


main()
