//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).
//! Mirrors CPython's `Objects/genericaliasobject.c` and `Objects/unionobject.c`.

use taipan_compiler::bytecode::ComparisonOperator;

use super::str::{as_str, new_string};
use super::tuple::{as_tuple, new_tuple};
use super::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyGenericAlias {
    head: ObjectHead,
    pub origin: Value,
    pub args: Value,
}

fn ga_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let g = unsafe { &*(head as *const ObjectHead as *const PyGenericAlias) };
    visit(&g.origin);
    visit(&g.args);
}

pub static GA_LAYOUT: Layout = crate::payload_layout!(PyGenericAlias, "types.GenericAlias", ga_traverse, heap::no_clear);

impl PyPayload for PyGenericAlias {
    fn layout() -> &'static Layout {
        &GA_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &GENERIC_ALIAS_TYPE
    }
}

pub static GENERIC_ALIAS_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "GenericAlias",
    layout: &GA_LAYOUT,
    flags: flags::HAVE_GC | flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: GA_METHODS,
    getsets: GA_GETSETS,
    doc: None,
    module: Some("types"),
});

pub static UNION_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "UnionType",
    layout: &GA_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: GA_GETSETS,
    doc: None,
    module: Some("types"),
});

fn ga_instancecheck(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<2>("__instancecheck__")?;
    Err(type_error("isinstance() argument 2 cannot be a parameterized generic"))
}
fn ga_subclasscheck(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<2>("__subclasscheck__")?;
    Err(type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

static GA_METHODS: &[MethodDef] = &[
    MethodDef::method("__instancecheck__", ga_instancecheck),
    MethodDef::method("__subclasscheck__", ga_subclasscheck),
];

/// Unions compare and hash as the set of their members.
fn union_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) || !std::ptr::eq(b.ty(), &UNION_TYPE) {
        return Ok(super::singletons::not_implemented());
    }
    let (x, y) = (union_args(a).unwrap_or_default(), union_args(b).unwrap_or_default());
    let mut eq = true;
    for (p, q) in [(&x, &y), (&y, &x)] {
        for item in p.iter() {
            let mut found = false;
            for other in q.iter() {
                if ops::eq(vm, item, other)? {
                    found = true;
                    break;
                }
            }
            eq &= found;
        }
    }
    Ok(super::singletons::bool_value(eq == (op == ComparisonOperator::Eq)))
}

fn union_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let mut h: i64 = 0x2f1e_3a5b;
    for a in union_args(v).unwrap_or_default() {
        // Order-independent combination.
        h ^= ops::hash(vm, &a)?.wrapping_mul(0x5bd1_e995);
    }
    Ok(if h == -1 { -2 } else { h })
}

pub fn new_generic_alias(origin: Value, args: Value) -> PyResult<Value> {
    let args = if as_tuple(&args).is_some() { args } else { new_tuple(vec![args]) };
    Ok(heap::alloc(&GENERIC_ALIAS_TYPE, PyGenericAlias { head: ObjectHead::uninit(), origin, args }))
}

/// `cls.__class_getitem__(item)` for built-in generics.
pub fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, item] = args.exact::<2>("__class_getitem__")?;
    new_generic_alias(cls.clone(), item.clone())
}

fn type_repr_for_alias(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if super::singletons::is_none(v) {
        return Ok("None".into());
    }
    if std::ptr::eq(v.ty(), &super::singletons::ELLIPSIS_TYPE) {
        return Ok("...".into());
    }
    if let Some(t) = as_type(v) {
        let module = super::typeobject_methods::type_module_name(t);
        return Ok(match module.as_deref() {
            Some("builtins") | None => t.qualname(),
            Some(m) => format!("{m}.{}", t.qualname()),
        });
    }
    ops::repr_string(vm, v)
}

fn this(v: &Value) -> PyResult<&PyGenericAlias> {
    v.downcast::<PyGenericAlias>().ok_or_else(|| type_error("GenericAlias expected"))
}

fn ga_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = this(v)?;
    let (origin, args) = (g.origin.clone(), as_tuple(&g.args).unwrap_or(&[]).to_vec());
    if std::ptr::eq(v.ty(), &UNION_TYPE) {
        // A union shows NoneType as None.
        let parts: PyResult<Vec<String>> = args
            .iter()
            .map(|a| {
                if a.is(&super::singletons::NONE_TYPE.to_value()) {
                    Ok("None".to_string())
                } else {
                    type_repr_for_alias(vm, a)
                }
            })
            .collect();
        return Ok(new_string(parts?.join(" | ")));
    }
    let o = type_repr_for_alias(vm, &origin)?;
    let parts: PyResult<Vec<String>> = args.iter().map(|a| type_repr_for_alias(vm, a)).collect();
    let inner = if args.is_empty() { "()".to_string() } else { parts?.join(", ") };
    Ok(new_string(format!("{o}[{inner}]")))
}

fn ga_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 2 {
        return Err(type_error(format!("GenericAlias expected 2 arguments, got {}", pos.len())));
    }
    let ty = as_type(cls).unwrap_or(&GENERIC_ALIAS_TYPE);
    let a = if as_tuple(&pos[1]).is_some() { pos[1].clone() } else { new_tuple(vec![pos[1].clone()]) };
    Ok(heap::alloc(ty, PyGenericAlias { head: ObjectHead::uninit(), origin: pos[0].clone(), args: a }))
}

fn ga_call(vm: &mut Vm, v: &Value, args: Args) -> PyResult<Value> {
    let origin = this(v)?.origin.clone();
    crate::vm::call::call_with_kwnames(vm, &origin, args.values, args.kwnames)
}

fn ga_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(r) = super::object::generic_getattr_opt(vm, v, name)? {
        return Ok(r);
    }
    let n = as_str(name).unwrap_or("");
    if n.starts_with("__") && n.ends_with("__") {
        return Err(super::object::no_attribute(v, name));
    }
    let origin = this(v)?.origin.clone();
    ops::getattr(vm, &origin, name)
}

fn ga_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Ok(x), Ok(y)) = (this(a), this(b)) else { return Ok(super::singletons::not_implemented()) };
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) || !std::ptr::eq(a.ty(), b.ty()) {
        return Ok(super::singletons::not_implemented());
    }
    let (xo, yo, xa, ya) = (x.origin.clone(), y.origin.clone(), x.args.clone(), y.args.clone());
    let eq = ops::eq(vm, &xo, &yo)? && ops::eq(vm, &xa, &ya)?;
    Ok(super::singletons::bool_value(eq == (op == ComparisonOperator::Eq)))
}

fn ga_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let g = this(v)?;
    let (o, a) = (g.origin.clone(), g.args.clone());
    Ok(ops::hash(vm, &o)? ^ ops::hash(vm, &a)?)
}

fn get_origin(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.origin.clone())
}
fn get_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.args.clone())
}
fn get_parameters(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(super::tuple::empty_tuple())
}

pub static GA_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__origin__", get_origin),
    GetSetDef::new("__args__", get_args),
    GetSetDef::new("__parameters__", get_parameters),
];

fn is_unionable(v: &Value) -> bool {
    super::singletons::is_none(v)
        || as_type(v).is_some()
        || v.downcast::<PyGenericAlias>().is_some()
        || std::ptr::eq(v.ty(), &super::typevar::TYPEVAR_TYPE)
}

/// `a | b` for types: a `types.UnionType` (flattened, de-duplicated).
pub fn union_or(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(super::singletons::not_implemented());
    }
    let mut items: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts: Vec<Value> = match v.downcast::<PyGenericAlias>() {
            Some(g) if std::ptr::eq(v.ty(), &UNION_TYPE) => as_tuple(&g.args).unwrap_or(&[]).to_vec(),
            _ => vec![if super::singletons::is_none(v) { super::singletons::NONE_TYPE.to_value() } else { v.clone() }],
        };
        for p in parts {
            if !items.iter().any(|x| x.is(&p)) {
                items.push(p);
            }
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().expect("one item"));
    }
    Ok(heap::alloc(&UNION_TYPE, PyGenericAlias { head: ObjectHead::uninit(), origin: super::singletons::none(), args: new_tuple(items) }))
}

fn union_binop(vm: &mut Vm, a: &Value, b: &Value, op: taipan_compiler::bytecode::BinaryOperator) -> PyResult<Value> {
    if op.base() != taipan_compiler::bytecode::BinaryOperator::Or {
        return Ok(super::singletons::not_implemented());
    }
    union_or(vm, a, b)
}

/// The member types of a union (for isinstance/issubclass).
pub fn union_args(v: &Value) -> Option<Vec<Value>> {
    if std::ptr::eq(v.ty(), &UNION_TYPE) {
        return v.downcast::<PyGenericAlias>().map(|g| as_tuple(&g.args).unwrap_or(&[]).to_vec());
    }
    None
}

pub fn init_types() {
    for t in [&GENERIC_ALIAS_TYPE, &UNION_TYPE] {
        t.slots.repr.set(Some(ga_repr));
        t.slots.richcompare.set(Some(ga_richcompare));
        t.slots.hash.set(Some(ga_hash));
        t.slots.binop[taipan_compiler::bytecode::BinaryOperator::Or as usize].set(Some(union_binop));
    }
    UNION_TYPE.slots.richcompare.set(Some(union_richcompare));
    UNION_TYPE.slots.hash.set(Some(union_hash));
    GENERIC_ALIAS_TYPE.slots.call.set(Some(ga_call));
    GENERIC_ALIAS_TYPE.slots.new.set(Some(ga_new));
    GENERIC_ALIAS_TYPE.slots.getattro.set(Some(ga_getattro));
    super::typeobject::TYPE_TYPE.slots.binop[taipan_compiler::bytecode::BinaryOperator::Or as usize].set(Some(union_binop));
    super::singletons::NONE_TYPE.slots.binop[taipan_compiler::bytecode::BinaryOperator::Or as usize].set(Some(union_binop));
}
