//! A readable disassembly of code objects, in the spirit of CPython's `Lib/dis.py`
//! (`dis.dis`): one line per instruction with its source position, index, opcode name,
//! argument and a resolved argument; then the exception table; nested code objects follow.

use std::fmt::Write;

use crate::bytecode::{BinaryOperator, ComparisonOperator, Instr, Intrinsic1, Intrinsic2, Opcode};
use crate::code::{flags, CodeObject, Constant};

fn flag_names(f: u32) -> String {
    let table = [
        (flags::OPTIMIZED, "OPTIMIZED"),
        (flags::NEWLOCALS, "NEWLOCALS"),
        (flags::VARARGS, "VARARGS"),
        (flags::VARKEYWORDS, "VARKEYWORDS"),
        (flags::NESTED, "NESTED"),
        (flags::GENERATOR, "GENERATOR"),
        (flags::NOFREE, "NOFREE"),
        (flags::COROUTINE, "COROUTINE"),
        (flags::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    let names: Vec<&str> = table.iter().filter(|(b, _)| f & b != 0).map(|(_, n)| *n).collect();
    names.join("|")
}

fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f:?}")
    }
}

/// A Python-like `repr` of a constant (code objects by name).
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", float_repr(*imag).trim_end_matches(".0"))
            } else {
                format!("({}{:+}j)", float_repr(*real).trim_end_matches(".0"), imag)
            }
        }
        Constant::Str(s) => py_str_repr(s),
        Constant::Bytes(b) => {
            let mut out = String::from("b'");
            for &byte in b.iter() {
                match byte {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\t' => out.push_str("\\t"),
                    b'\r' => out.push_str("\\r"),
                    0x20..=0x7e => out.push(byte as char),
                    _ => {
                        let _ = write!(out, "\\x{byte:02x}");
                    }
                }
            }
            out.push('\'');
            out
        }
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Code(co) => format!("<code object {}, line {}>", co.name, co.firstlineno),
    }
}

fn cell_name(co: &CodeObject, i: u32) -> String {
    let i = i as usize;
    if i < co.cellvars.len() {
        co.cellvars[i].to_string()
    } else {
        co.freevars.get(i - co.cellvars.len()).map(|s| s.to_string()).unwrap_or_else(|| "?".into())
    }
}

fn arg_repr(co: &CodeObject, op: Opcode, arg: u32) -> String {
    use Opcode::*;
    let name = |i: u32| co.names.get(i as usize).map(|s| s.to_string()).unwrap_or_else(|| "?".into());
    let var = |i: u32| co.varnames.get(i as usize).map(|s| s.to_string()).unwrap_or_else(|| "?".into());
    match op {
        LoadConst | ReturnConst => co.consts.get(arg as usize).map(const_repr).unwrap_or_else(|| "?".into()),
        LoadFast | StoreFast | DeleteFast | LoadFastAndClear => var(arg),
        LoadDeref | StoreDeref | DeleteDeref | LoadClosure | LoadFromDictOrDeref => cell_name(co, arg),
        LoadName | StoreName | DeleteName | LoadGlobal | StoreGlobal | DeleteGlobal | LoadFromDictOrGlobals
        | LoadAttr | LoadMethod | StoreAttr | DeleteAttr | ImportName | ImportFrom => name(arg),
        BinaryOp => BinaryOperator::from_arg(arg).map(|o| o.symbol().to_string()).unwrap_or_default(),
        CompareOp => ComparisonOperator::from_arg(arg).map(|o| o.symbol().to_string()).unwrap_or_default(),
        IsOp => (if arg == 1 { "is not" } else { "is" }).into(),
        ContainsOp => (if arg == 1 { "not in" } else { "in" }).into(),
        CallIntrinsic1 => Intrinsic1::from_arg(arg).map(|i| format!("{i:?}")).unwrap_or_default(),
        CallIntrinsic2 => Intrinsic2::from_arg(arg).map(|i| format!("{i:?}")).unwrap_or_default(),
        ConvertValue => match arg {
            1 => "str".into(),
            2 => "repr".into(),
            3 => "ascii".into(),
            _ => String::new(),
        },
        MakeFunction => {
            let mut parts = Vec::new();
            for (bit, n) in [(1, "defaults"), (2, "kwdefaults"), (4, "annotations"), (8, "closure")] {
                if arg & bit != 0 {
                    parts.push(n);
                }
            }
            parts.join(", ")
        }
        _ if op.is_jump() => format!("to {arg}"),
        _ => String::new(),
    }
}

fn dis_one(co: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} (name {}, file {:?}, line {}):",
        co.qualname, co.name, &*co.filename, co.firstlineno
    );
    let _ = writeln!(
        out,
        "  argcount {} posonly {} kwonly {} stacksize {} flags {}",
        co.argcount,
        co.posonlyargcount,
        co.kwonlyargcount,
        co.stacksize,
        flag_names(co.flags)
    );
    let list = |v: &[std::rc::Rc<str>]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ");
    if !co.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", list(&co.varnames));
    }
    if !co.cellvars.is_empty() {
        let c2a: Vec<String> = co
            .cell2arg
            .iter()
            .map(|a| a.map(|i| i.to_string()).unwrap_or_else(|| "-".into()))
            .collect();
        let _ = writeln!(out, "  cellvars: {} (cell2arg {})", list(&co.cellvars), c2a.join(", "));
    }
    if !co.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", list(&co.freevars));
    }
    let mut extended = 0u32;
    for (i, raw) in co.instructions.iter().enumerate() {
        let ins = Instr(*raw);
        let op = ins.op();
        let arg = ins.arg() | extended;
        extended = if op == Opcode::ExtendedArg { arg << Instr::ARG_BITS } else { 0 };
        let p = co.positions.get(i).copied().unwrap_or_default();
        let pos = if p.line == 0 {
            "--".to_string()
        } else {
            format!("{}:{}-{}:{}", p.line, p.col, p.end_line, p.end_col)
        };
        let repr = arg_repr(co, op, arg);
        let (pops, _) = op.stack_effect(arg);
        let _ = pops;
        if repr.is_empty() {
            let _ = writeln!(out, "  {pos:<16} {i:>4} {:<26} {arg}", op.name());
        } else {
            let _ = writeln!(out, "  {pos:<16} {i:>4} {:<26} {arg} ({repr})", op.name());
        }
    }
    if !co.exception_table.is_empty() {
        let _ = writeln!(out, "  ExceptionTable:");
        for e in &co.exception_table {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// Disassembles `code` and, after it, every code object among its constants.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut todo = vec![code];
    let mut first = true;
    while let Some(co) = todo.pop() {
        if !first {
            out.push('\n');
        }
        first = false;
        dis_one(co, &mut out);
        let nested: Vec<&CodeObject> = co
            .consts
            .iter()
            .filter_map(|c| if let Constant::Code(c) = c { Some(&**c) } else { None })
            .collect();
        for n in nested.into_iter().rev() {
            todo.push(n);
        }
    }
    out
}
