//! The structural checks `compile()` applies to an AST object before compiling it:
//! CPython's `obj2ast_*` functions in `Python/Python-ast.c` (required fields and
//! positions, list fields, identifier/int/constant types, which constructor a node is)
//! and the "field is required" checks of `Python/ast.c`.
//!
//! NOTE: the rest of CPython's validator (expression contexts, empty bodies, ...) is not
//! reproduced; such trees fail when `ast.unparse` or the compiler meets them.

use super::{AstState, Card};
use crate::objects::singletons::none;
use crate::objects::str::{intern, is_str};
use crate::objects::typeobject::as_type;
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, PyErr, PyResult, Vm};

const MAX_DEPTH: usize = 4000;

const SIMPLE_SUMS: [&str; 5] = ["expr_context", "boolop", "operator", "unaryop", "cmpop"];

pub(super) struct Validator<'a> {
    pub st: &'a AstState,
    pub depth: usize,
}

fn is_none(v: &Value) -> bool {
    v.is(&none())
}

fn isinstance(v: &Value, cls: &Value) -> bool {
    as_type(cls).map(|t| v.ty().is_subtype(t)).unwrap_or(false)
}

impl Validator<'_> {
    /// Checks `obj` as a value of ASDL type `asdl`.
    pub(super) fn check(&mut self, vm: &mut Vm, obj: &Value, asdl: &str) -> PyResult<()> {
        match asdl {
            "identifier" => {
                if !is_str(obj) {
                    return Err(type_error("AST identifier must be of type str"));
                }
            }
            "string" => {
                if !is_str(obj) {
                    return Err(type_error("AST string must be of type str"));
                }
            }
            "int" => check_int(vm, obj)?,
            "constant" => check_constant(vm, obj)?,
            node => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(PyErr::new(
                        &crate::objects::exceptions::RECURSION_ERROR,
                        "maximum recursion depth exceeded during compilation",
                    ));
                }
                let r = self.check_node(vm, obj, node);
                self.depth -= 1;
                r?;
            }
        }
        Ok(())
    }

    fn check_node(&mut self, vm: &mut Vm, obj: &Value, asdl: &str) -> PyResult<()> {
        let def = self.st.def(asdl);
        if def.positions {
            for (attr, required) in [("lineno", true), ("col_offset", true), ("end_lineno", false), ("end_col_offset", false)] {
                match ops::getattr_opt(vm, obj, &intern(attr))? {
                    None if required => return Err(type_error(format!("required field \"{attr}\" missing from {asdl}"))),
                    Some(v) if !is_none(&v) || required => check_int(vm, &v)?,
                    _ => {}
                }
            }
        }
        let ctor = if def.abstract_ {
            let found = crate::modules::ast::nodes::NODES
                .iter()
                .filter(|d| d.base == asdl)
                .find(|d| isinstance(obj, self.st.class(d.name)));
            match found {
                Some(d) => d,
                None => {
                    let r = ops::repr_string(vm, obj)?;
                    return Err(type_error(format!("expected some sort of {asdl}, but got {r}")));
                }
            }
        } else {
            def
        };
        for (field, ftype, card) in ctor.fields {
            let v = ops::getattr_opt(vm, obj, &intern(field))?;
            match (card, v) {
                (Card::Seq, None) | (Card::Opt, None) => {}
                (Card::One, None) => return Err(type_error(format!("required field \"{field}\" missing from {}", ctor.name))),
                (Card::Seq, Some(v)) => {
                    let Some(list) = crate::objects::list::as_list(&v) else {
                        return Err(type_error(format!(
                            "{} field \"{field}\" must be a list, not a {}",
                            ctor.name,
                            v.ty().name()
                        )));
                    };
                    for item in list.snapshot() {
                        // `Dict.keys` and `arguments.kw_defaults` hold None for gaps.
                        if is_none(&item) && matches!(*ftype, "expr") {
                            continue;
                        }
                        self.check(vm, &item, ftype)?;
                    }
                }
                (Card::Opt, Some(v)) => {
                    if !is_none(&v) {
                        self.check(vm, &v, ftype)?;
                    }
                }
                (Card::One, Some(v)) => {
                    if is_none(&v) && *ftype != "constant" {
                        if SIMPLE_SUMS.contains(ftype) {
                            return Err(type_error(format!("expected some sort of {ftype}, but got None")));
                        }
                        if self.st.def_opt(ftype).is_some_and(|d| d.abstract_) {
                            return Err(value_error(format!("field '{field}' is required for {}", ctor.name)));
                        }
                        if self.st.def_opt(ftype).is_some() {
                            continue;
                        }
                    }
                    self.check(vm, &v, ftype)?;
                }
            }
        }
        Ok(())
    }
}

fn check_int(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if crate::objects::int::as_int(v).is_none() {
        let r = ops::repr_string(vm, v)?;
        return Err(value_error(format!("invalid integer value: {r}")));
    }
    Ok(())
}

/// `validate_constant`: None, Ellipsis, numbers, str, bytes, and tuples / frozensets of
/// constants.
fn check_constant(vm: &mut Vm, v: &Value) -> PyResult<()> {
    use crate::objects::{bytes, complex, float, int, singletons};
    let ok = is_none(v)
        || v.is(&singletons::ellipsis())
        || int::as_int(v).is_some()
        || v.ty().is_subtype(&float::FLOAT_TYPE)
        || v.ty().is_subtype(&complex::COMPLEX_TYPE)
        || is_str(v)
        || v.ty().is_subtype(&bytes::BYTES_TYPE);
    if ok {
        return Ok(());
    }
    let is_container = crate::objects::tuple::as_tuple(v).is_some() || v.ty().with_name(|n| n == "frozenset");
    if is_container {
        for item in ops::collect_iter(vm, v)? {
            check_constant(vm, &item)?;
        }
        return Ok(());
    }
    Err(type_error(format!("got an invalid type in Constant: {}", v.ty().name())))
}
