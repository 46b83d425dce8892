//! `code` objects: the compiler's `CodeObject` plus its constants as Python values.
//! Mirrors CPython's `Objects/codeobject.c`.

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;
use taipan_compiler::bytecode::{Instr, Opcode};
use taipan_compiler::{CodeObject, Constant};

use super::str::{intern, new_str, new_string};
use super::tuple::new_tuple;
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyCode {
    head: ObjectHead,
    pub code: Rc<CodeObject>,
    /// `co_consts` as values (nested code objects converted too).
    pub consts: Vec<Value>,
    /// `co_names` as interned strings.
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    /// Cell then free variable names.
    pub cellfree: Vec<Value>,
    pub filename: Value,
    pub qualname: Value,
    /// The instructions decoded once at load: `EXTENDED_ARG` prefixes are folded into the
    /// following instruction's argument (and decode as `Nop`), indexes unchanged.
    pub decoded: Box<[(Opcode, u32)]>,
    /// Inline caches of `LoadAttr`/`StoreAttr`, one per instruction: the (type address,
    /// type epoch) for which the attribute is known to live in the instance dict
    /// only (generic attribute access, no class attribute / no data descriptor of
    /// that name). Any change to any type bumps the epoch, invalidating every entry.
    pub attr_cache: Box<[Cell<(usize, u64)>]>,
}

fn code_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let c = unsafe { &*(head as *const ObjectHead as *const PyCode) };
    c.consts.iter().for_each(visit);
}

pub static CODE_LAYOUT: Layout = crate::payload_layout!(PyCode, "code", code_traverse, heap::no_clear);

impl PyPayload for PyCode {
    fn layout() -> &'static Layout {
        &CODE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &CODE_TYPE
    }
}

pub static CODE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "code",
    layout: &CODE_LAYOUT,
    flags: flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: CODE_METHODS,
    getsets: CODE_GETSETS,
    doc: None,
    module: None,
});

/// Converts a compiler constant into a value.
pub fn constant_to_value(vm: &mut Vm, c: &Constant) -> Value {
    use super::singletons::{bool_value, ellipsis, none};
    match c {
        Constant::None => none(),
        Constant::True => bool_value(true),
        Constant::False => bool_value(false),
        Constant::Ellipsis => ellipsis(),
        Constant::Int(i) => super::int::new_bigint(i.clone()),
        Constant::Float(f) => super::float::new_float(*f),
        Constant::Complex { real, imag } => super::complex::new_complex(*real, *imag),
        Constant::Str(s) => {
            if s.len() < 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                intern(s)
            } else {
                new_str(s)
            }
        }
        Constant::Bytes(b) => super::bytes::new_bytes(b.to_vec()),
        Constant::Tuple(items) => new_tuple(items.iter().map(|c| constant_to_value(vm, c)).collect()),
        Constant::FrozenSet(items) => {
            let items: Vec<Value> = items.iter().map(|c| constant_to_value(vm, c)).collect();
            super::set::new_frozenset(vm, items).unwrap_or_else(|_| new_tuple(Vec::new()))
        }
        Constant::Code(code) => new_code(vm, code.clone()),
    }
}

pub fn new_code(vm: &mut Vm, code: Rc<CodeObject>) -> Value {
    let consts = code.consts.iter().map(|c| constant_to_value(vm, c)).collect();
    let names = code.names.iter().map(|n| intern(n)).collect();
    let varnames = code.varnames.iter().map(|n| intern(n)).collect();
    let cellfree = code.cellvars.iter().chain(code.freevars.iter()).map(|n| intern(n)).collect();
    let filename = new_str(&code.filename);
    let qualname = new_str(&code.qualname);
    let mut decoded = Vec::with_capacity(code.instructions.len());
    let mut ext: u32 = 0;
    for &w in code.instructions.iter() {
        let ins = Instr(w);
        if ins.op() == Opcode::ExtendedArg {
            ext = (ext << 24) | ins.arg();
            decoded.push((Opcode::Nop, 0));
        } else {
            decoded.push((ins.op(), (ext << 24) | ins.arg()));
            ext = 0;
        }
    }
    let decoded = decoded.into_boxed_slice();
    let attr_cache = (0..decoded.len()).map(|_| Cell::new((0, 0))).collect();
    heap::alloc(&CODE_TYPE, PyCode { head: ObjectHead::uninit(), code, consts, names, varnames, cellfree, filename, qualname, decoded, attr_cache })
}

impl PyCode {
    pub fn name_value(&self) -> Value {
        intern(&self.code.name)
    }
    /// `consts[0]` when it is the docstring of a function.
    pub fn docstring(&self) -> Value {
        use taipan_compiler::code::flags::{NEWLOCALS, OPTIMIZED};
        if self.code.flags & (OPTIMIZED | NEWLOCALS) != 0 {
            if let Some(c) = self.consts.first() {
                if super::str::is_str(c) && self.code.name.as_ref() != "<lambda>" {
                    return c.clone();
                }
            }
        }
        super::singletons::none()
    }
    /// Line number of instruction `index`.
    pub fn line_of(&self, index: usize) -> Option<u32> {
        self.code.positions.get(index).map(|p| p.line).filter(|l| *l > 0)
    }
}

fn this(v: &Value) -> PyResult<&PyCode> {
    v.downcast::<PyCode>().ok_or_else(|| type_error("code expected"))
}

fn strs(v: &[Rc<str>]) -> Value {
    new_tuple(v.iter().map(|s| intern(s)).collect())
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.name_value())
}
fn get_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.qualname.clone())
}
fn get_filename(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.filename.clone())
}
fn get_argcount(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.argcount as i64))
}
fn get_posonly(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.posonlyargcount as i64))
}
fn get_kwonly(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.kwonlyargcount as i64))
}
fn get_nlocals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.varnames.len() as i64))
}
fn get_varnames(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&this(v)?.code.varnames))
}
fn get_cellvars(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&this(v)?.code.cellvars))
}
fn get_freevars(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&this(v)?.code.freevars))
}
fn get_names(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&this(v)?.code.names))
}
fn get_consts(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(this(v)?.consts.clone()))
}
fn get_flags(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.flags as i64))
}
fn get_firstlineno(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.firstlineno as i64))
}
fn get_stacksize(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::int::new_int(this(v)?.code.stacksize as i64))
}
fn get_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    let mut bytes = Vec::with_capacity(c.code.instructions.len() * 4);
    for i in &c.code.instructions {
        bytes.extend_from_slice(&i.to_le_bytes());
    }
    Ok(super::bytes::new_bytes(bytes))
}

/// `co_lines()`: `(start, end, line)` byte ranges (two bytes per instruction) with
/// consecutive instructions of the same line merged; line None where unknown.
fn m_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("co_lines")?;
    let c = this(v)?;
    let mut out: Vec<(usize, usize, u32)> = Vec::new();
    for (i, p) in c.code.positions.iter().enumerate() {
        match out.last_mut() {
            Some(last) if last.2 == p.line && last.1 == 2 * i => last.1 = 2 * i + 2,
            _ => out.push((2 * i, 2 * i + 2, p.line)),
        }
    }
    let items: Vec<Value> = out
        .into_iter()
        .map(|(a, b, l)| {
            let line = if l == 0 { super::singletons::none() } else { super::int::new_int(l as i64) };
            new_tuple(vec![super::int::new_int(a as i64), super::int::new_int(b as i64), line])
        })
        .collect();
    let l = super::list::PyList::new_value(items);
    crate::vm::ops::iter(vm, &l)
}

fn m_positions(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("co_positions")?;
    let c = this(v)?;
    let items: Vec<Value> = c
        .code
        .positions
        .iter()
        .map(|p| {
            let opt = |n: u32| if p.line == 0 { super::singletons::none() } else { super::int::new_int(n as i64) };
            new_tuple(vec![opt(p.line), opt(p.end_line), opt(p.col), opt(p.end_col)])
        })
        .collect();
    Ok(super::list::PyList::new_value(items).clone()).and_then(|l| crate::vm::ops::iter(_vm, &l))
}

/// `code.replace(**changes)`: a copy with some fields changed.
fn m_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!("replace() takes no positional arguments")));
    }
    let mut code = (*this(&pos[0])?.code).clone();
    for (k, val) in args.kwargs() {
        let key = super::str::as_str(k).unwrap_or("");
        let text = |what: &str| -> PyResult<std::rc::Rc<str>> {
            super::str::as_str(val)
                .map(Into::into)
                .ok_or_else(|| type_error(format!("replace() argument '{what}' must be str, not {}", val.ty().name())))
        };
        let int = |vm: &mut Vm, what: &str| -> PyResult<u32> {
            if !super::int::is_int(val) {
                return Err(type_error(format!("replace() argument '{what}' must be int, not {}", val.ty().name())));
            }
            let n = crate::vm::ops::index_value(vm, val)?;
            u32::try_from(n).map_err(|_| crate::vm::value_error(format!("{what} must be a positive integer")))
        };
        match key {
            "co_name" => code.name = text(key)?,
            "co_qualname" => code.qualname = text(key)?,
            "co_filename" => code.filename = text(key)?,
            "co_flags" => code.flags = int(vm, key)?,
            "co_firstlineno" => code.firstlineno = int(vm, key)?,
            "co_argcount" => code.argcount = int(vm, key)?,
            "co_posonlyargcount" => code.posonlyargcount = int(vm, key)?,
            "co_kwonlyargcount" => code.kwonlyargcount = int(vm, key)?,
            "co_stacksize" => code.stacksize = int(vm, key)?,
            "co_nlocals" | "co_code" | "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars"
            | "co_linetable" | "co_exceptiontable" => {
                return Err(crate::vm::value_error(format!("replace(): changing {key} is not supported by Taipan")));
            }
            _ => return Err(type_error(format!("replace() got an unexpected keyword argument '{key}'"))),
        }
    }
    Ok(new_code(vm, Rc::new(code)))
}

fn code_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(new_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        v.word(),
        c.code.filename,
        c.code.firstlineno
    )))
}

pub static CODE_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("co_name", get_name),
    GetSetDef::new("co_qualname", get_qualname),
    GetSetDef::new("co_filename", get_filename),
    GetSetDef::new("co_argcount", get_argcount),
    GetSetDef::new("co_posonlyargcount", get_posonly),
    GetSetDef::new("co_kwonlyargcount", get_kwonly),
    GetSetDef::new("co_nlocals", get_nlocals),
    GetSetDef::new("co_varnames", get_varnames),
    GetSetDef::new("co_cellvars", get_cellvars),
    GetSetDef::new("co_freevars", get_freevars),
    GetSetDef::new("co_names", get_names),
    GetSetDef::new("co_consts", get_consts),
    GetSetDef::new("co_flags", get_flags),
    GetSetDef::new("co_firstlineno", get_firstlineno),
    GetSetDef::new("co_stacksize", get_stacksize),
    GetSetDef::new("co_code", get_code),
];

pub static CODE_METHODS: &[MethodDef] = &[MethodDef::method("co_positions", m_positions), MethodDef::method("co_lines", m_lines), MethodDef::method("replace", m_replace)];

pub fn init_type() {
    CODE_TYPE.slots.repr.set(Some(code_repr));
}

pub fn bigint_const(i: &BigInt) -> Value {
    super::int::new_bigint(i.clone())
}
