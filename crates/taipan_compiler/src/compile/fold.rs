//! Constant folding on the AST, before code generation.
//!
//! Follows CPython 3.13's `Python/ast_opt.c`: `fold_unaryop`, `fold_binop` with its size
//! guards (`safe_multiply`, `safe_power`, `safe_lshift`, `safe_mod`: results above 128
//! bits, collections above 256 items and strings above 4096 characters are not folded),
//! `fold_tuple`, `fold_subscr`, and `__debug__`.  Instead of rewriting the tree, the
//! compiler asks `fold(expr)` for an expression's constant value (memoised per node).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr};

use super::Compiler;
use crate::code::Constant;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Parses the text of an integer literal (`0x_ff`, `1_000`, `0o17`, `0b1`).
pub(crate) fn parse_int_literal(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn int_of(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::True => Some(BigInt::from(1)),
        Constant::False => Some(BigInt::from(0)),
        _ => None,
    }
}

fn is_int(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::True | Constant::False)
}

fn float_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = int_of(c)?;
            let f = i.to_f64()?;
            if f.is_finite() {
                Some(f)
            } else {
                None
            }
        }
    }
}

fn complex_of(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => Some((float_of(c)?, 0.0)),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None | Constant::False => false,
        Constant::True | Constant::Ellipsis => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

fn finite(f: f64) -> Option<Constant> {
    if f.is_finite() {
        Some(Constant::Float(f))
    } else {
        None
    }
}

/// Python's float `divmod` (`float_divmod` in `Objects/floatobject.c`).
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

/// Floor division and modulo with Python's signs (`divmod` on ints).
fn int_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

fn collection_items(c: &Constant) -> i64 {
    match c {
        Constant::Tuple(t) | Constant::FrozenSet(t) => t.iter().map(|x| 1 + collection_items(x)).sum(),
        _ => 0,
    }
}

fn seq_len(c: &Constant) -> Option<i64> {
    match c {
        Constant::Str(s) => Some(s.chars().count() as i64),
        Constant::Bytes(b) => Some(b.len() as i64),
        Constant::Tuple(t) => Some(t.len() as i64),
        _ => None,
    }
}

fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let size = seq_len(seq)?;
    if size > 0 {
        let n = n.to_i64()?;
        let limit = if matches!(seq, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
        if n < 0 || n > limit / size {
            return None;
        }
        if let Constant::Tuple(_) = seq {
            if n > 0 && collection_items(seq) > MAX_TOTAL_ITEMS / n {
                return None;
            }
        }
    }
    let n = n.to_i64().unwrap_or(0).max(0) as usize;
    Some(match seq {
        Constant::Str(s) => Constant::Str(Rc::from(s.repeat(n).as_str())),
        Constant::Bytes(b) => Constant::Bytes(Rc::from(b.repeat(n))),
        Constant::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Constant::Tuple(Rc::from(v))
        }
        _ => return None,
    })
}

fn binop(op: ast::Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use ast::Operator::*;
    if is_int(l) && is_int(r) {
        let (a, b) = (int_of(l)?, int_of(r)?);
        let both_bool = matches!(l, Constant::True | Constant::False) && matches!(r, Constant::True | Constant::False);
        let boolify = |i: BigInt| if i.is_zero() { Constant::False } else { Constant::True };
        return Some(match op {
            Add => Constant::Int(a + b),
            Sub => Constant::Int(a - b),
            Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                Constant::Int(a * b)
            }
            Div => {
                if b.is_zero() {
                    return None;
                }
                let limit = BigInt::from(1u64 << 53);
                if a.abs() > limit || b.abs() > limit {
                    return None;
                }
                finite(a.to_f64()? / b.to_f64()?)?
            }
            FloorDiv => Constant::Int(int_divmod(&a, &b)?.0),
            Mod => Constant::Int(int_divmod(&a, &b)?.1),
            Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return None;
                    }
                    finite(a.to_f64()?.powf(b.to_f64()?))?
                } else {
                    if !a.is_zero() && b.is_positive() {
                        let w = b.to_u64()?;
                        if bits(&a) > MAX_INT_SIZE / w {
                            return None;
                        }
                    }
                    Constant::Int(num_traits::Pow::pow(&a, b.to_u32()?))
                }
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && !b.is_zero() {
                    let w = b.to_u64()?;
                    if w > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - w {
                        return None;
                    }
                }
                Constant::Int(a << b.to_usize()?)
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
                Constant::Int(a >> s)
            }
            BitOr if both_bool => boolify(a | b),
            BitXor if both_bool => boolify(a ^ b),
            BitAnd if both_bool => boolify(a & b),
            BitOr => Constant::Int(a | b),
            BitXor => Constant::Int(a ^ b),
            BitAnd => Constant::Int(a & b),
            MatMult => return None,
        });
    }
    let numeric = |c: &Constant| is_int(c) || matches!(c, Constant::Float(_));
    if numeric(l) && numeric(r) {
        let (a, b) = (float_of(l)?, float_of(r)?);
        return match op {
            Add => finite(a + b),
            Sub => finite(a - b),
            Mult => finite(a * b),
            Div => {
                if b == 0.0 {
                    None
                } else {
                    finite(a / b)
                }
            }
            FloorDiv => finite(float_divmod(a, b)?.0),
            Mod => finite(float_divmod(a, b)?.1),
            Pow => {
                if a == 0.0 && b < 0.0 {
                    return None;
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                finite(a.powf(b))
            }
            _ => None,
        };
    }
    let complexish = |c: &Constant| numeric(c) || matches!(c, Constant::Complex { .. });
    if complexish(l) && complexish(r) {
        let ((a, b), (c, d)) = (complex_of(l)?, complex_of(r)?);
        let (re, im) = match op {
            Add => (a + c, b + d),
            Sub => (a - c, b - d),
            Mult => (a * c - b * d, a * d + b * c),
            _ => return None,
        };
        if !re.is_finite() || !im.is_finite() {
            return None;
        }
        return Some(Constant::Complex { real: re, imag: im });
    }
    match (op, l, r) {
        (Add, Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(Rc::from(format!("{a}{b}").as_str()))),
        (Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Constant::Bytes(Rc::from(v)))
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut v = a.to_vec();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(Rc::from(v)))
        }
        (Mult, seq, n) if is_int(n) => repeat(seq, &int_of(n)?),
        (Mult, n, seq) if is_int(n) => repeat(seq, &int_of(n)?),
        _ => None,
    }
}

fn unaryop(op: ast::UnaryOp, v: &Constant) -> Option<Constant> {
    use ast::UnaryOp::*;
    match op {
        Not => Some(if truth(v)? { Constant::False } else { Constant::True }),
        USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex { real: -real, imag: -imag }),
            _ => Some(Constant::Int(-int_of(v)?)),
        },
        UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(Constant::Int(int_of(v)?)),
        },
        Invert => Some(Constant::Int(-int_of(v)? - 1)),
    }
}

fn subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = int_of(idx)?.to_i64()?;
    let len = seq_len(v)?;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match v {
        Constant::Str(s) => Constant::Str(Rc::from(s.chars().nth(i)?.to_string().as_str())),
        Constant::Bytes(b) => Constant::Int(BigInt::from(b[i])),
        Constant::Tuple(t) => t[i].clone(),
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// The value of a literal node.
    pub fn literal(&self, e: &Expr) -> Option<Constant> {
        Some(match e {
            Expr::StringLiteral(s) => {
                let text: String = s.value.iter().map(|part| super::strlit::string_part(self.src, part)).collect();
                Constant::Str(Rc::from(text.as_str()))
            }
            Expr::BytesLiteral(b) => Constant::Bytes(Rc::from(b.value.bytes().collect::<Vec<u8>>())),
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Constant::Int(BigInt::from(v)),
                    None => Constant::Int(parse_int_literal(&i.to_string())?),
                },
                ast::Number::Float(f) => Constant::Float(*f),
                ast::Number::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
            },
            Expr::BooleanLiteral(b) => {
                if b.value {
                    Constant::True
                } else {
                    Constant::False
                }
            }
            Expr::NoneLiteral(_) => Constant::None,
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            _ => return None,
        })
    }

    /// The constant value of `e` after CPython's AST optimizer, if it has one.
    pub fn fold(&mut self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => return self.literal(e),
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load {
                    return Some(if self.optimize == 0 { Constant::True } else { Constant::False });
                }
                return None;
            }
            Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_) | Expr::Subscript(_) => {}
            _ => return None,
        }
        let key = e as *const Expr as usize;
        if let Some(c) = self.fold_cache.get(&key) {
            return c.clone();
        }
        if self.depth > 1000 {
            return None;
        }
        self.depth += 1;
        let r = match e {
            Expr::UnaryOp(u) => self.fold(&u.operand).and_then(|v| unaryop(u.op, &v)),
            Expr::BinOp(b) => match self.fold(&b.left) {
                Some(l) => self.fold(&b.right).and_then(|r| binop(b.op, &l, &r)),
                None => {
                    self.fold(&b.right);
                    None
                }
            },
            Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
                let mut items = Vec::with_capacity(t.elts.len());
                let mut ok = true;
                for el in &t.elts {
                    match self.fold(el) {
                        Some(c) if ok => items.push(c),
                        _ => ok = false,
                    }
                }
                if ok {
                    Some(Constant::Tuple(Rc::from(items)))
                } else {
                    None
                }
            }
            Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
                let v = self.fold(&s.value);
                let i = self.fold(&s.slice);
                match (v, i) {
                    (Some(v), Some(i)) => subscript(&v, &i),
                    _ => None,
                }
            }
            _ => None,
        };
        self.depth -= 1;
        self.fold_cache.insert(key, r.clone());
        r
    }
}
