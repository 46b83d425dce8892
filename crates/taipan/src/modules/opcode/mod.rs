//! `_opcode`: properties of CPython's instruction set, for `opcode` and `dis` (which
//! `inspect` imports).  Mirrors CPython's `Modules/_opcode.c`.
//!
//! NOTE: these describe CPython 3.13's opcodes (the numbering of `_opcode_metadata`),
//! not Taipan's own instruction set (`taipan_compiler::bytecode`), because `dis` and
//! `opcode` are CPython's pure-Python modules and their tables must agree with the
//! metadata they ship with.  `tables.rs` is generated from CPython by `gen_tables.py`.

mod tables;

use super::ModuleDef;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{kw, po, po_opt, Sig};
use crate::vm::{ops, type_error, value_error, Args, PyResult, Vm};

pub const HAS_ARG: u8 = 1 << 0;
pub const HAS_CONST: u8 = 1 << 1;
pub const HAS_NAME: u8 = 1 << 2;
pub const HAS_JUMP: u8 = 1 << 3;
pub const HAS_FREE: u8 = 1 << 4;
pub const HAS_LOCAL: u8 = 1 << 5;
pub const HAS_EXC: u8 = 1 << 6;

/// A stack effect as a function of the oparg.
#[derive(Clone, Copy)]
pub enum Effect {
    /// `base + slope * oparg`.
    Linear(i64, i64),
    /// `base + coeff * (oparg & 1)`.
    Bit0(i64, i64),
    /// `BUILD_SLICE`: `three` when the oparg is 3, else `other`.
    Slice(i64, i64),
    /// No stack effect is defined (specialized and instrumented instructions).
    Invalid,
}

pub struct OpInfo {
    pub op: u16,
    pub flags: u8,
    /// For `jump=None` (the maximum), `jump=True` and `jump=False`.
    pub effect: [Effect; 3],
}

fn info(op: i64) -> Option<&'static OpInfo> {
    let op = u16::try_from(op).ok()?;
    tables::OPS.binary_search_by_key(&op, |i| i.op).ok().map(|i| &tables::OPS[i])
}

fn opcode_arg(vm: &mut Vm, args: Args, fname: &str) -> PyResult<i64> {
    let [op] = args.exact::<1>(fname)?;
    ops::index_value(vm, op)
}

fn has_flag(vm: &mut Vm, args: Args, fname: &str, flag: u8) -> PyResult<Value> {
    let op = opcode_arg(vm, args, fname)?;
    Ok(bool_value(info(op).map(|i| i.flags & flag != 0).unwrap_or(false)))
}

fn opcode_is_valid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let op = opcode_arg(vm, args, "is_valid")?;
    Ok(bool_value(info(op).is_some()))
}
fn opcode_has_arg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_arg", HAS_ARG)
}
fn opcode_has_const(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_const", HAS_CONST)
}
fn opcode_has_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_name", HAS_NAME)
}
fn opcode_has_jump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_jump", HAS_JUMP)
}
fn opcode_has_free(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_free", HAS_FREE)
}
fn opcode_has_local(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_local", HAS_LOCAL)
}
fn opcode_has_exc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    has_flag(vm, args, "has_exc", HAS_EXC)
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn opcode_stack_effect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stack_effect", &[po("opcode"), po_opt("oparg"), kw("jump")]);
    let [op, oparg, jump] = SIG.parse::<3>(args)?;
    let op = ops::index_value(vm, op.as_ref().expect("required"))?;
    let oparg = match oparg.filter(|v| !v.is(&none())) {
        Some(v) => ops::index_value(vm, &v)?,
        None => 0,
    };
    let which = match jump {
        None => 0,
        Some(j) if j.is(&none()) => 0,
        Some(j) if j.is(&bool_value(true)) => 1,
        Some(j) if j.is(&bool_value(false)) => 2,
        Some(_) => return Err(value_error("stack_effect: jump must be False, True or None")),
    };
    let invalid = || value_error("invalid opcode or oparg");
    let effect = info(op).ok_or_else(invalid)?.effect[which];
    let v = match effect {
        Effect::Linear(base, slope) => slope.checked_mul(oparg).and_then(|m| m.checked_add(base)),
        Effect::Bit0(base, coeff) => Some(base + coeff * (oparg & 1)),
        Effect::Slice(other, three) => Some(if oparg == 3 { three } else { other }),
        Effect::Invalid => None,
    };
    v.map(new_int).ok_or_else(invalid)
}

fn str_list(items: &[&str]) -> Value {
    PyList::new_value(items.iter().map(|s| new_str(s)).collect())
}

fn opcode_get_intrinsic1_descs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_intrinsic1_descs", 0, 0)?;
    Ok(str_list(tables::INTRINSIC1))
}

fn opcode_get_intrinsic2_descs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_intrinsic2_descs", 0, 0)?;
    Ok(str_list(tables::INTRINSIC2))
}

fn opcode_get_nb_ops(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_nb_ops", 0, 0)?;
    Ok(PyList::new_value(tables::NB_OPS.iter().map(|(n, s)| new_tuple(vec![new_str(n), new_str(s)])).collect()))
}

fn opcode_get_specialization_stats(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_specialization_stats", 0, 0)?;
    Ok(none())
}

/// `get_executor(code, offset)`: Taipan has no tier-2 executors.
fn opcode_get_executor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code, offset] = args.exact::<2>("get_executor")?;
    if code.downcast::<crate::objects::code::PyCode>().is_none() {
        return Err(type_error(format!("expected a code object, not '{}'", code.ty().name())));
    }
    ops::index_value(vm, offset)?;
    Err(value_error("no executor at given byte offset"))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("stack_effect", opcode_stack_effect),
    MethodDef::method("is_valid", opcode_is_valid),
    MethodDef::method("has_arg", opcode_has_arg),
    MethodDef::method("has_const", opcode_has_const),
    MethodDef::method("has_name", opcode_has_name),
    MethodDef::method("has_jump", opcode_has_jump),
    MethodDef::method("has_free", opcode_has_free),
    MethodDef::method("has_local", opcode_has_local),
    MethodDef::method("has_exc", opcode_has_exc),
    MethodDef::method("get_intrinsic1_descs", opcode_get_intrinsic1_descs),
    MethodDef::method("get_intrinsic2_descs", opcode_get_intrinsic2_descs),
    MethodDef::method("get_nb_ops", opcode_get_nb_ops),
    MethodDef::method("get_specialization_stats", opcode_get_specialization_stats),
    MethodDef::method("get_executor", opcode_get_executor),
];

fn init(_vm: &mut Vm, m: &Value) -> PyResult<()> {
    super::add_object(m, "ENABLE_SPECIALIZATION", new_int(1));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "_opcode", doc: Some("Opcode support module."), methods: METHODS, init: Some(init) };
