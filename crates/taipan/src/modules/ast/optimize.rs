//! The AST optimizer behind `PyCF_OPTIMIZED_AST` (`ast.parse(..., optimize=1)`):
//! CPython's `Python/ast_opt.c`, run on the node objects after conversion.
//!
//! It folds operators on constants (within CPython's size limits), constant tuples and
//! subscripts, `__debug__`, `not` over `is`/`in` comparisons, literal lists and sets
//! iterated over or tested with `in`, and simple `'%s' % (...)` formatting into f-strings.
//! NOTE: annotations are folded even under `from __future__ import annotations`.

use num_traits::Signed;
use taipan_compiler::bytecode::BinaryOperator;

use super::AstState;
use crate::objects::dict::PyDict;
use crate::objects::int::{as_int, new_int, IntRef};
use crate::objects::list::PyList;
use crate::objects::object::{instance_dict, PyBaseObject};
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, UnaryOp};
use crate::runtime::heap::{self, ObjectHead};
use crate::runtime::value::Value;
use crate::vm::{ops, PyResult, Vm};

/// CPython's limits on folded values (`MAX_INT_SIZE` bits, `MAX_COLLECTION_SIZE`,
/// `MAX_STR_SIZE`, `MAX_TOTAL_ITEMS`).
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

pub(super) struct Optimizer<'a> {
    pub st: &'a AstState,
    /// The `-O` level `__debug__` folds for.
    pub level: i64,
}

fn get(node: &Value, field: &str) -> Value {
    instance_dict(node).and_then(|d| PyDict::get_str(&d, field)).unwrap_or_else(none)
}

fn set(node: &Value, field: &str, v: Value) {
    if let Some(d) = instance_dict(node) {
        PyDict::set_str(&d, field, v);
    }
}

fn kind(node: &Value) -> String {
    node.ty().name()
}

fn is_kind(node: &Value, name: &str) -> bool {
    node.ty().with_name(|n| n == name)
}

fn items(list: &Value) -> Vec<Value> {
    crate::objects::list::as_list(list).map(|l| l.snapshot()).unwrap_or_default()
}

/// Bits of an int's magnitude (`_PyLong_NumBits`).
fn num_bits(v: &Value) -> Option<u64> {
    Some(match as_int(v)? {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.abs().bits(),
    })
}

fn is_zero(v: &Value) -> bool {
    matches!(as_int(v), Some(IntRef::Small(0)))
}

fn is_str(v: &Value) -> bool {
    crate::objects::str::is_str(v)
}

fn is_bytes(v: &Value) -> bool {
    v.ty().is_subtype(&crate::objects::bytes::BYTES_TYPE)
}

/// `check_complexity`: what remains of `limit` after counting nested tuple items.
fn check_complexity(v: &Value, mut limit: i64) -> i64 {
    if let Some(t) = as_tuple(v) {
        limit -= t.len() as i64;
        for x in t {
            if limit < 0 {
                break;
            }
            limit = check_complexity(x, limit);
        }
    }
    limit
}

impl Optimizer<'_> {
    /// A Constant replacing `node`, at its position.
    fn make_const(&self, node: &Value, value: Value) -> Value {
        let c = self.new_node("Constant");
        set(&c, "value", value);
        set(&c, "kind", none());
        self.copy_location(node, &c);
        c
    }

    fn new_node(&self, name: &str) -> Value {
        let ty = as_type(self.st.class(name)).unwrap_or(&super::AST_TYPE);
        heap::alloc(ty, PyBaseObject { head: ObjectHead::uninit() })
    }

    fn copy_location(&self, from: &Value, to: &Value) {
        for a in super::POSITIONS {
            if let Some(v) = instance_dict(from).and_then(|d| PyDict::get_str(&d, a)) {
                set(to, a, v);
            }
        }
    }

    /// Folds `node` and everything below it; returns the node that replaces it.
    pub(super) fn visit(&self, vm: &mut Vm, node: &Value) -> PyResult<Value> {
        let name = kind(node);
        let Some(def) = self.st.def_opt(&name) else { return Ok(node.clone()) };
        let body_doc = matches!(name.as_str(), "Module" | "FunctionDef" | "AsyncFunctionDef" | "ClassDef")
            && has_docstring(&get(node, "body"));
        for (field, asdl, card) in def.fields {
            if matches!(*asdl, "identifier" | "string" | "int" | "constant") {
                continue;
            }
            let v = get(node, field);
            if *card == super::Card::Seq {
                if let Some(l) = crate::objects::list::as_list(&v) {
                    let old = l.snapshot();
                    let mut new = Vec::with_capacity(old.len());
                    for x in old {
                        new.push(if x.is(&none()) { x } else { self.visit(vm, &x)? });
                    }
                    *l.items.borrow_mut() = new;
                }
            } else if !v.is(&none()) {
                let nv = self.visit(vm, &v)?;
                set(node, field, nv);
            }
        }
        if matches!(name.as_str(), "Module" | "FunctionDef" | "AsyncFunctionDef" | "ClassDef") && !body_doc {
            self.protect_docstring(&get(node, "body"));
        }
        Ok(match name.as_str() {
            "BinOp" => self.fold_binop(vm, node)?,
            "UnaryOp" => self.fold_unaryop(vm, node)?,
            "Tuple" => self.fold_tuple(node),
            "Subscript" => self.fold_subscr(vm, node)?,
            "Name" if as_str(&get(node, "id")) == Some("__debug__") => {
                if is_kind(&get(node, "ctx"), "Load") {
                    self.make_const(node, bool_value(self.level == 0))
                } else {
                    node.clone()
                }
            }
            "For" | "comprehension" => {
                let it = self.fold_iter(vm, &get(node, "iter"))?;
                set(node, "iter", it);
                node.clone()
            }
            "Compare" => {
                let ops_ = items(&get(node, "ops"));
                let comps = get(node, "comparators");
                if let (Some(last), Some(l)) = (ops_.last(), crate::objects::list::as_list(&comps)) {
                    if is_kind(last, "In") || is_kind(last, "NotIn") {
                        let mut cs = l.snapshot();
                        if let Some(c) = cs.pop() {
                            cs.push(self.fold_iter(vm, &c)?);
                            *l.items.borrow_mut() = cs;
                        }
                    }
                }
                node.clone()
            }
            _ => node.clone(),
        })
    }

    /// A body that gained a docstring through folding (`"a" "b"[0]`) keeps it an
    /// expression: its value is wrapped in a JoinedStr (CPython's `astfold_body`).
    fn protect_docstring(&self, body: &Value) {
        let stmts = items(body);
        if !has_docstring(body) {
            return;
        }
        let first = &stmts[0];
        let value = get(first, "value");
        let js = self.new_node("JoinedStr");
        set(&js, "values", PyList::new_value(vec![value]));
        self.copy_location(first, &js);
        set(first, "value", js);
    }

    fn const_value(node: &Value) -> Option<Value> {
        is_kind(node, "Constant").then(|| get(node, "value"))
    }

    /// `make_const_tuple`: the values of `elts` when all are constants.
    fn const_tuple(elts: &[Value]) -> Option<Value> {
        let mut vals = Vec::with_capacity(elts.len());
        for e in elts {
            vals.push(Self::const_value(e)?);
        }
        Some(new_tuple(vals))
    }

    fn fold_tuple(&self, node: &Value) -> Value {
        if !is_kind(&get(node, "ctx"), "Load") {
            return node.clone();
        }
        match Self::const_tuple(&items(&get(node, "elts"))) {
            Some(t) => self.make_const(node, t),
            None => node.clone(),
        }
    }

    fn fold_subscr(&self, vm: &mut Vm, node: &Value) -> PyResult<Value> {
        let (Some(v), Some(i)) = (Self::const_value(&get(node, "value")), Self::const_value(&get(node, "slice"))) else {
            return Ok(node.clone());
        };
        if !is_kind(&get(node, "ctx"), "Load") {
            return Ok(node.clone());
        }
        Ok(match ops::getitem(vm, &v, &i) {
            Ok(r) => self.make_const(node, r),
            Err(_) => node.clone(),
        })
    }

    /// `fold_iter`: a literal list iterated over becomes a tuple (a constant when it can),
    /// a literal set of constants a frozenset.
    fn fold_iter(&self, vm: &mut Vm, arg: &Value) -> PyResult<Value> {
        let elts = items(&get(arg, "elts"));
        if is_kind(arg, "List") {
            if elts.iter().any(|e| is_kind(e, "Starred")) {
                return Ok(arg.clone());
            }
            if let Some(t) = Self::const_tuple(&elts) {
                return Ok(self.make_const(arg, t));
            }
            let t = self.new_node("Tuple");
            set(&t, "elts", get(arg, "elts"));
            set(&t, "ctx", get(arg, "ctx"));
            self.copy_location(arg, &t);
            return Ok(t);
        }
        if is_kind(arg, "Set") {
            if let Some(t) = Self::const_tuple(&elts) {
                let items = as_tuple(&t).map(<[Value]>::to_vec).unwrap_or_default();
                if let Ok(fs) = crate::objects::set::new_frozenset(vm, items) {
                    return Ok(self.make_const(arg, fs));
                }
            }
        }
        Ok(arg.clone())
    }

    fn fold_unaryop(&self, vm: &mut Vm, node: &Value) -> PyResult<Value> {
        let operand = get(node, "operand");
        let op = kind(&get(node, "op"));
        let Some(v) = Self::const_value(&operand) else {
            // `not (a is b)` is `a is not b`; only is/in comparisons invert safely.
            if op == "Not" && is_kind(&operand, "Compare") {
                let cmp_ops = items(&get(&operand, "ops"));
                if cmp_ops.len() == 1 {
                    let inverse = match kind(&cmp_ops[0]).as_str() {
                        "Is" => Some("IsNot"),
                        "IsNot" => Some("Is"),
                        "In" => Some("NotIn"),
                        "NotIn" => Some("In"),
                        _ => None,
                    };
                    if let Some(inv) = inverse {
                        set(&operand, "ops", PyList::new_value(vec![self.st.singleton(inv)]));
                        return Ok(operand);
                    }
                }
            }
            return Ok(node.clone());
        };
        let r = match op.as_str() {
            "Not" => ops::is_true(vm, &v).map(|b| bool_value(!b)),
            "Invert" => ops::unary_op(vm, &v, UnaryOp::Invert),
            "UAdd" => ops::unary_op(vm, &v, UnaryOp::Pos),
            _ => ops::unary_op(vm, &v, UnaryOp::Neg),
        };
        Ok(match r {
            Ok(r) => self.make_const(node, r),
            Err(_) => node.clone(),
        })
    }

    fn fold_binop(&self, vm: &mut Vm, node: &Value) -> PyResult<Value> {
        let Some(lv) = Self::const_value(&get(node, "left")) else { return Ok(node.clone()) };
        let right = get(node, "right");
        let op = kind(&get(node, "op"));
        if op == "Mod" && is_kind(&right, "Tuple") && crate::objects::str::is_str(&lv) {
            let elts = items(&get(&right, "elts"));
            if !elts.iter().any(|e| is_kind(e, "Starred")) {
                return Ok(self.optimize_format(node, as_str(&lv).unwrap_or(""), &elts).unwrap_or_else(|| node.clone()));
            }
        }
        let Some(rv) = Self::const_value(&right) else { return Ok(node.clone()) };
        let bop = match op.as_str() {
            "Add" => BinaryOperator::Add,
            "Sub" => BinaryOperator::Subtract,
            "Mult" => {
                if !safe_multiply(&lv, &rv) {
                    return Ok(node.clone());
                }
                BinaryOperator::Multiply
            }
            "Div" => BinaryOperator::TrueDivide,
            "FloorDiv" => BinaryOperator::FloorDivide,
            "Mod" => {
                if is_str(&lv) || is_bytes(&lv) {
                    return Ok(node.clone());
                }
                BinaryOperator::Remainder
            }
            "Pow" => {
                if let (Some(vb), Some(IntRef::Small(w))) = (num_bits(&lv), as_int(&rv)) {
                    if !is_zero(&lv) && w > 0 && vb > MAX_INT_SIZE / w as u64 {
                        return Ok(node.clone());
                    }
                } else if as_int(&lv).is_some() && !is_zero(&lv) && matches!(as_int(&rv), Some(IntRef::Big(b)) if b.is_positive()) {
                    return Ok(node.clone());
                }
                BinaryOperator::Power
            }
            "LShift" => {
                if let (Some(vb), Some(w)) = (num_bits(&lv), as_int(&rv)) {
                    if !is_zero(&lv) && !is_zero(&rv) {
                        let wb = match w {
                            IntRef::Small(w) if w > 0 => w as u64,
                            IntRef::Small(_) => 0,
                            IntRef::Big(_) => return Ok(node.clone()),
                        };
                        if wb > MAX_INT_SIZE || vb > MAX_INT_SIZE - wb {
                            return Ok(node.clone());
                        }
                    }
                }
                BinaryOperator::Lshift
            }
            "RShift" => BinaryOperator::Rshift,
            "BitOr" => BinaryOperator::Or,
            "BitXor" => BinaryOperator::Xor,
            "BitAnd" => BinaryOperator::And,
            _ => return Ok(node.clone()),
        };
        Ok(match ops::binary_op(vm, &lv, &rv, bop) {
            Ok(r) => self.make_const(node, r),
            Err(_) => node.clone(),
        })
    }

    /// `'%s-%r' % (a, b)` as `f'{a!s}-{b!r}'` when every unit is a simple `%s`/`%r`/`%a`
    /// and the counts match (`optimize_format`); literal parts have no position (-1).
    fn optimize_format(&self, node: &Value, fmt: &str, elts: &[Value]) -> Option<Value> {
        let chars: Vec<char> = fmt.chars().collect();
        let mut pos = 0;
        let mut cnt = 0;
        let mut values = Vec::new();
        loop {
            let start = pos;
            while pos < chars.len() {
                if chars[pos] != '%' {
                    pos += 1;
                } else if chars.get(pos + 1) == Some(&'%') {
                    pos += 2;
                } else {
                    break;
                }
            }
            if pos > start {
                let lit: String = chars[start..pos].iter().collect::<String>().replace("%%", "%");
                values.push(self.unplaced_const(&lit));
            }
            if pos >= chars.len() {
                break;
            }
            let arg = elts.get(cnt)?;
            pos += 1;
            let (spec, flags_ljust, width, prec) = simple_format_arg(&chars, &mut pos)?;
            cnt += 1;
            if !matches!(spec, 's' | 'r' | 'a') {
                return None;
            }
            let mut buf = String::new();
            if !flags_ljust && width.is_some_and(|w| w > 0) {
                buf.push('>');
            }
            if let Some(w) = width {
                buf.push_str(&w.to_string());
            }
            if let Some(p) = prec {
                buf.push_str(&format!(".{p}"));
            }
            let fv = self.new_node("FormattedValue");
            set(&fv, "value", arg.clone());
            set(&fv, "conversion", new_int(spec as i64));
            set(&fv, "format_spec", if buf.is_empty() { none() } else { self.unplaced_const(&buf) });
            self.copy_location(arg, &fv);
            values.push(fv);
        }
        if cnt < elts.len() {
            return None;
        }
        let js = self.new_node("JoinedStr");
        set(&js, "values", PyList::new_value(values));
        self.copy_location(node, &js);
        Some(js)
    }

    fn unplaced_const(&self, s: &str) -> Value {
        let c = self.new_node("Constant");
        set(&c, "value", new_str(s));
        set(&c, "kind", none());
        for a in super::POSITIONS {
            set(&c, a, new_int(-1));
        }
        c
    }
}

/// `simple_format_arg_parse`: flags, a width and precision of at most two digits, and
/// the conversion character; None for anything else.
fn simple_format_arg(chars: &[char], pos: &mut usize) -> Option<(char, bool, Option<i64>, Option<i64>)> {
    let mut p = *pos;
    let mut next = || {
        let c = chars.get(p).copied();
        p += 1;
        c
    };
    let mut ljust = false;
    let mut ch = next()?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
        if ch == '-' {
            ljust = true;
        }
        ch = next()?;
    }
    let mut width = None;
    if ch.is_ascii_digit() {
        let mut w = 0i64;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            w = w * 10 + ch.to_digit(10)? as i64;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        width = Some(w);
    }
    let mut prec = None;
    if ch == '.' {
        ch = next()?;
        let mut pr = 0i64;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            pr = pr * 10 + ch.to_digit(10)? as i64;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        prec = Some(pr);
    }
    *pos = p;
    Some((ch, ljust, width, prec))
}

/// `safe_multiply`: whether folding `v * w` stays within CPython's size limits.
fn safe_multiply(v: &Value, w: &Value) -> bool {
    let (vi, wi) = (as_int(v).is_some(), as_int(w).is_some());
    if vi && wi {
        if is_zero(v) || is_zero(w) {
            return true;
        }
        return match (num_bits(v), num_bits(w)) {
            (Some(a), Some(b)) => a + b <= MAX_INT_SIZE,
            _ => false,
        };
    }
    if vi {
        let n = match as_int(v) {
            Some(IntRef::Small(n)) => n,
            _ => i64::MAX,
        };
        if let Some(t) = as_tuple(w) {
            let size = t.len() as i64;
            if size > 0 {
                if n < 0 || n > MAX_COLLECTION_SIZE / size {
                    return false;
                }
                if n > 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0 {
                    return false;
                }
            }
            return true;
        }
        let size = if let Some(s) = as_str(w) {
            s.chars().count() as i64
        } else if is_bytes(w) {
            crate::objects::bytes::as_bytes_like(w).map(|b| b.len() as i64).unwrap_or(0)
        } else {
            return true;
        };
        return size == 0 || (n >= 0 && n <= MAX_STR_SIZE / size);
    }
    if wi && (as_tuple(v).is_some() || is_str(v) || is_bytes(v)) {
        return safe_multiply(w, v);
    }
    true
}

/// `_PyAST_GetDocString`: the body starts with a string expression statement.
fn has_docstring(body: &Value) -> bool {
    let stmts = items(body);
    let Some(first) = stmts.first() else { return false };
    if !is_kind(first, "Expr") {
        return false;
    }
    let v = get(first, "value");
    is_kind(&v, "Constant") && is_str(&get(&v, "value"))
}
