//! Expressions.
//!
//! Follows CPython 3.13's `Python/compile.c`: `compiler_visit_expr1`, `compiler_jump_if`,
//! `compiler_boolop`, `compiler_compare`, `compiler_call` / `maybe_optimize_method_call` /
//! `compiler_call_helper` / `compiler_subkwargs`, `starunpack_helper`, `compiler_dict`,
//! `compiler_subscript` / `compiler_slice`, `unpack_helper` / `assignment_helper`,
//! `compiler_joined_str` / `compiler_formatted_value`, `forbidden_name`, `validate_keywords`.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::{Ranged, TextRange};

use super::stmt::binop_of;
use super::{CResult, Compiler, Label, NO_LOCATION, STACK_USE_GUIDELINE};
use crate::bytecode::{ComparisonOperator, Opcode, CONVERT_ASCII, CONVERT_REPR, CONVERT_STR};
use crate::code::{Constant, Position};
use crate::symtable::DEF_IMPORT;

/// One piece of an f-string (`JoinedStr.values`).
enum FPart<'a> {
    Literal(String, TextRange),
    Field(&'a ast::InterpolatedElement),
}

impl<'a> Compiler<'a> {
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_depth(e.range())?;
        let saved = self.set_loc(e.range());
        let r = match self.fold(e) {
            Some(c) => {
                self.load_const(c);
                Ok(())
            }
            None => self.compile_expr_inner(e),
        };
        self.loc = saved;
        self.depth -= 1;
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => {
                let op = if b.op == ast::BoolOp::And { Opcode::JumpIfFalseOrPop } else { Opcode::JumpIfTrueOrPop };
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(op, end);
                    }
                }
                self.use_label(end);
            }
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.compile_expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Opcode::BinaryOp, binop_of(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                if u.op == ast::UnaryOp::Not {
                    if let Some(inv) = self.inverted_compare(&u.operand) {
                        return inv;
                    }
                }
                self.compile_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Opcode::UnaryInvert,
                    ast::UnaryOp::Not => Opcode::UnaryNot,
                    ast::UnaryOp::UAdd => Opcode::UnaryPositive,
                    ast::UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.compile_expr(&i.body)?;
                self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
                self.use_label(next);
                self.compile_expr(&i.orelse)?;
                self.use_label(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => self.starunpack_helper(&s.elts, 0, Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate, false)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => self.compile_comprehension(e)?,
            Expr::Await(a) => {
                let ste = self.ste();
                if !ste.is_function_like() {
                    return Err(self.error("'await' outside function", a.range));
                }
                if !matches!(
                    self.unit_ref().scope_type,
                    super::ScopeType::AsyncFunction | super::ScopeType::Comprehension
                ) {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.compile_expr(&a.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            Expr::Yield(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                let ste = self.ste();
                if ste.generator && ste.coroutine {
                    self.emit(Opcode::CallIntrinsic1, crate::bytecode::Intrinsic1::AsyncGenWrap as u32);
                }
                self.emit(Opcode::YieldValue, 0);
            }
            Expr::YieldFrom(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield from' outside function", y.range));
                }
                if self.unit_ref().scope_type == super::ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", y.range));
                }
                self.compile_expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f)?,
            Expr::TString(t) => return Err(self.error("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = self.literal(e).unwrap_or(Constant::None);
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                if a.ctx == ExprContext::Store {
                    self.maybe_add_static_attribute(a);
                }
                self.compile_expr(&a.value)?;
                let loc = self.attr_loc(self.loc, a);
                let idx = self.name_index(&a.attr.id);
                match a.ctx {
                    ExprContext::Store => {
                        self.check_forbidden_at(&a.attr.id, loc)?;
                        self.emit_at(Opcode::StoreAttr, idx, loc);
                    }
                    ExprContext::Del => self.emit_at(Opcode::DeleteAttr, idx, loc),
                    _ => self.emit_at(Opcode::LoadAttr, idx, loc),
                }
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                let two = matches!(&*s.slice, Expr::Slice(sl) if sl.step.is_none());
                if two && s.ctx != ExprContext::Del {
                    self.compile_slice_parts(&s.slice)?;
                    let op = if s.ctx == ExprContext::Store { Opcode::StoreSlice } else { Opcode::BinarySlice };
                    self.emit(op, 0);
                } else {
                    self.compile_expr(&s.slice)?;
                    let op = match s.ctx {
                        ExprContext::Store => Opcode::StoreSubscr,
                        ExprContext::Del => Opcode::DeleteSubscr,
                        _ => Opcode::BinarySubscr,
                    };
                    self.emit(op, 0);
                }
            }
            Expr::Starred(s) => {
                let msg = if s.ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(self.error(msg, s.range));
            }
            Expr::Name(n) => {
                if n.ctx != ExprContext::Load {
                    self.check_forbidden_ctx(&n.id, n.ctx, n.range)?;
                }
                self.nameop(&n.id, n.ctx)?;
            }
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts, l.range)?,
                ExprContext::Del => {
                    for el in &l.elts {
                        self.compile_expr(el)?;
                    }
                }
                _ => self.starunpack_helper(&l.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, false)?,
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts, t.range)?,
                ExprContext::Del => {
                    for el in &t.elts {
                        self.compile_expr(el)?;
                    }
                }
                _ => self.starunpack_helper(&t.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?,
            },
            Expr::Slice(_) => {
                let n = self.compile_slice_parts(e)?;
                self.emit(Opcode::BuildSlice, n);
            }
            Expr::IpyEscapeCommand(i) => return Err(self.error("invalid syntax", i.range)),
        }
        Ok(())
    }

    /// `not (a is b)` -> `a is not b` and friends (ast_opt's `fold_unaryop`).
    fn inverted_compare(&mut self, operand: &'a Expr) -> Option<CResult<()>> {
        let Expr::Compare(c) = operand else { return None };
        if c.ops.len() != 1 {
            return None;
        }
        let (op, arg) = match c.ops[0] {
            ast::CmpOp::Is => (Opcode::IsOp, 1),
            ast::CmpOp::IsNot => (Opcode::IsOp, 0),
            ast::CmpOp::In => (Opcode::ContainsOp, 1),
            ast::CmpOp::NotIn => (Opcode::ContainsOp, 0),
            _ => return None,
        };
        let loc = self.pos(c.range);
        let saved = std::mem::replace(&mut self.loc, loc);
        let r = (|| {
            self.compile_expr(&c.left)?;
            if matches!(c.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.compile_iter_expr(&c.comparators[0])?;
            } else {
                self.compile_expr(&c.comparators[0])?;
            }
            self.emit(op, arg);
            Ok(())
        })();
        self.loc = saved;
        Some(r)
    }

    pub fn attr_loc(&self, loc: Position, a: &ast::ExprAttribute) -> Position {
        let end = self.pos(a.range);
        if loc.line != end.end_line {
            let mut l = loc;
            l.line = end.end_line;
            let len = a.attr.id.len() as u32;
            if len <= end.end_col {
                l.col = end.end_col - len;
            }
            l.end_line = l.end_line.max(l.line);
            if l.line == l.end_line {
                l.end_col = l.end_col.max(l.col);
            }
            return l;
        }
        loc
    }

    fn maybe_add_static_attribute(&mut self, a: &ast::ExprAttribute) {
        let Expr::Name(n) = &*a.value else { return };
        if n.id.as_str() != "self" {
            return;
        }
        let nunits = self.units.len();
        for i in (0..nunits.saturating_sub(1)).rev() {
            if self.units[i].scope_type == super::ScopeType::Class {
                if let Some(set) = &mut self.units[i].static_attributes {
                    set.insert(a.attr.id.to_string());
                }
                break;
            }
        }
    }

    pub fn check_forbidden(&self, name: &str, range: TextRange) -> CResult<()> {
        self.check_forbidden_ctx(name, ExprContext::Store, range)
    }

    fn check_forbidden_at(&self, name: &str, loc: Position) -> CResult<()> {
        if name == "__debug__" {
            return Err(self.error_at("cannot assign to __debug__", loc));
        }
        Ok(())
    }

    pub fn check_forbidden_ctx(&self, name: &str, ctx: ExprContext, range: TextRange) -> CResult<()> {
        if name == "__debug__" {
            let msg = if ctx == ExprContext::Del { "cannot delete __debug__" } else { "cannot assign to __debug__" };
            return Err(self.error(msg, range));
        }
        Ok(())
    }

    /// Compiles `e` as an iterable: a list display becomes a tuple, a constant set a
    /// frozenset (ast_opt's `fold_iter`).
    pub fn compile_iter_expr(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::List(l) if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) => {
                let saved = self.set_loc(l.range);
                let r = match self.const_elements(&l.elts) {
                    Some(items) => {
                        self.load_const(Constant::Tuple(Rc::from(items)));
                        Ok(())
                    }
                    None => self.starunpack_helper(&l.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true),
                };
                self.loc = saved;
                r
            }
            Expr::Set(s) => match self.const_elements(&s.elts) {
                Some(items) => {
                    let saved = self.set_loc(s.range);
                    self.load_const(Constant::FrozenSet(Rc::from(items)));
                    self.loc = saved;
                    Ok(())
                }
                None => self.compile_expr(e),
            },
            _ => self.compile_expr(e),
        }
    }

    fn const_elements(&mut self, elts: &[Expr]) -> Option<Vec<Constant>> {
        let mut out = Vec::with_capacity(elts.len());
        for el in elts {
            out.push(self.fold(el)?);
        }
        Some(out)
    }

    /// `compiler_slice`: pushes the parts of a slice, returning how many.
    pub fn compile_slice_parts(&mut self, e: &'a Expr) -> CResult<u32> {
        let Expr::Slice(s) = e else { return Ok(0) };
        let loc = self.pos(s.range);
        let mut n = 2;
        match &s.lower {
            Some(x) => self.compile_expr(x)?,
            None => self.load_const_at(Constant::None, loc),
        }
        match &s.upper {
            Some(x) => self.compile_expr(x)?,
            None => self.load_const_at(Constant::None, loc),
        }
        if let Some(x) = &s.step {
            n += 1;
            self.compile_expr(x)?;
        }
        Ok(n)
    }

    /// `compiler_jump_if`: jumps to `next` when `e`'s truth equals `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        self.enter_depth(e.range())?;
        let r = self.jump_if_inner(e, next, cond);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        if self.fold(e).is_none() {
            match e {
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not && !is_invertible_compare(&u.operand) => {
                    return self.jump_if(&u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let cond2 = b.op == ast::BoolOp::Or;
                    let next2 = if cond2 != cond { self.new_label() } else { next };
                    let n = b.values.len();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(&b.values[n - 1], next, cond)?;
                    if next2 != next {
                        self.use_label(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_label();
                    let next2 = self.new_label();
                    self.jump_if(&i.test, next2, false)?;
                    self.jump_if(&i.body, next, cond)?;
                    self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
                    self.use_label(next2);
                    self.jump_if(&i.orelse, next, cond)?;
                    self.use_label(end);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    let loc = self.pos(c.range);
                    let cleanup = self.new_label();
                    self.compile_expr(&c.left)?;
                    let n = c.ops.len() - 1;
                    for i in 0..n {
                        self.compile_expr(&c.comparators[i])?;
                        self.emit_at(Opcode::Swap, 2, loc);
                        self.emit_at(Opcode::Copy, 2, loc);
                        self.emit_compare_at(c.ops[i], loc);
                        self.emit_jump_at(Opcode::PopJumpIfFalse, cleanup, loc);
                    }
                    self.compile_cmp_operand(c.ops[n], &c.comparators[n])?;
                    self.emit_compare_at(c.ops[n], loc);
                    let j = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
                    self.emit_jump_at(j, next, loc);
                    let end = self.new_label();
                    self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
                    self.use_label(cleanup);
                    self.emit_at(Opcode::PopTop, 0, loc);
                    if !cond {
                        self.emit_jump_at(Opcode::Jump, next, NO_LOCATION);
                    }
                    self.use_label(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.compile_expr(e)?;
        let loc = self.pos(e.range());
        let j = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
        self.emit_jump_at(j, next, loc);
        Ok(())
    }

    fn emit_compare_at(&mut self, op: ast::CmpOp, loc: Position) {
        use ast::CmpOp::*;
        let (code, arg) = match op {
            Eq => (Opcode::CompareOp, ComparisonOperator::Eq as u32),
            NotEq => (Opcode::CompareOp, ComparisonOperator::Ne as u32),
            Lt => (Opcode::CompareOp, ComparisonOperator::Lt as u32),
            LtE => (Opcode::CompareOp, ComparisonOperator::Le as u32),
            Gt => (Opcode::CompareOp, ComparisonOperator::Gt as u32),
            GtE => (Opcode::CompareOp, ComparisonOperator::Ge as u32),
            Is => (Opcode::IsOp, 0),
            IsNot => (Opcode::IsOp, 1),
            In => (Opcode::ContainsOp, 0),
            NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit_at(code, arg, loc);
    }

    /// The last comparator of `in` / `not in` gets `fold_iter`.
    fn compile_cmp_operand(&mut self, op: ast::CmpOp, e: &'a Expr) -> CResult<()> {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            self.compile_iter_expr(e)
        } else {
            self.compile_expr(e)
        }
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        let loc = self.loc;
        self.compile_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.compile_cmp_operand(c.ops[0], &c.comparators[0])?;
            self.emit_compare_at(c.ops[0], loc);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.compile_expr(&c.comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.emit_compare_at(c.ops[i], loc);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.compile_cmp_operand(c.ops[n], &c.comparators[n])?;
        self.emit_compare_at(c.ops[n], loc);
        let end = self.new_label();
        self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
        self.use_label(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.use_label(end);
        Ok(())
    }

    /// `starunpack_helper`: list / set / tuple displays and positional call arguments.
    pub fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 {
            if let Some(items) = self.const_elements(elts) {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(Rc::from(items)));
                } else {
                    let c = if add == Opcode::SetAdd {
                        Constant::FrozenSet(Rc::from(items))
                    } else {
                        Constant::Tuple(Rc::from(items))
                    };
                    self.emit(build, pushed);
                    self.load_const(c);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::ListToTuple, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for el in elts {
                self.compile_expr(el)?;
            }
            let op = if tuple { Opcode::BuildTuple } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, el) in elts.iter().enumerate() {
            if let Expr::Starred(s) = el {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(el)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr], range: TextRange) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, el) in elts.iter().enumerate() {
            if matches!(el, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                if i >= 256 || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment", range));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        for el in elts {
            match el {
                Expr::Starred(s) => self.compile_expr(&s.value)?,
                _ => self.compile_expr(el)?,
            }
        }
        Ok(())
    }

    fn compile_subdict(&mut self, items: &'a [ast::DictItem]) -> CResult<()> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BuildMap, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.compile_expr(k)?;
            }
            self.compile_expr(&it.value)?;
            if big {
                self.emit(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.compile_subdict(&d.items[i - elements..i])?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.compile_expr(&d.items[i].value)?;
                self.emit(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(&d.items[i - elements..i + 1])?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(&d.items[n - elements..n])?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            if arg.id.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", k.range));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().map(|a| a.id == arg.id).unwrap_or(false) {
                    return Err(self.error(format!("keyword argument repeated: {}", arg.id), other.range));
                }
            }
        }
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(n) = e else { return false };
        self.st.top().symbols.get(n.id.as_str()).map(|f| f & DEF_IMPORT != 0).unwrap_or(false)
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.validate_keywords(&c.arguments.keywords)?;
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if let Expr::Attribute(meth) = &*c.func {
            let simple = meth.ctx == ExprContext::Load
                && !self.is_import_originated(&meth.value)
                && args.len() + kws.len() + usize::from(!kws.is_empty()) < STACK_USE_GUIDELINE
                && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
                && !kws.iter().any(|k| k.arg.is_none());
            if simple {
                let call_loc = self.loc;
                let mloc = self.pos(meth.range);
                self.compile_expr(&meth.value)?;
                let l = self.attr_loc(mloc, meth);
                let idx = self.name_index(&meth.attr.id);
                self.emit_at(Opcode::LoadMethod, idx, l);
                for a in args.iter() {
                    self.compile_expr(a)?;
                }
                let l = self.attr_loc(call_loc, meth);
                if !kws.is_empty() {
                    for k in kws.iter() {
                        self.compile_expr(&k.value)?;
                    }
                    self.kwnames_const(kws, l);
                    self.emit_at(Opcode::CallKw, (args.len() + kws.len()) as u32, l);
                } else {
                    self.emit_at(Opcode::Call, args.len() as u32, l);
                }
                return Ok(());
            }
        }
        self.compile_expr(&c.func)?;
        let floc = self.pos(c.func.range());
        self.emit_at(Opcode::PushNull, 0, floc);
        self.call_helper(0, args, kws)
    }

    fn kwnames_const(&mut self, kws: &[ast::Keyword], loc: Position) {
        let names: Vec<Constant> = kws
            .iter()
            .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or(""))))
            .collect();
        self.load_const_at(Constant::Tuple(Rc::from(names)), loc);
    }

    /// `compiler_call_helper`: arguments after the callable and `self_or_null`
    /// (plus `n` arguments already pushed).
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) -> CResult<()> {
        self.validate_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.compile_expr(a)?;
            }
            if nkw > 0 {
                for k in kws {
                    self.compile_expr(&k.value)?;
                }
                let loc = self.loc;
                self.kwnames_const(kws, loc);
                self.emit(Opcode::CallKw, n + (nelts + nkw) as u32);
            } else {
                self.emit(Opcode::Call, n + nelts as u32);
            }
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.compile_expr(&s.value)?;
            } else {
                self.starunpack_helper(args, n, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?;
            }
        } else {
            self.starunpack_helper(args, n, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.compile_subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.compile_subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, u32::from(nkw > 0));
        Ok(())
    }

    fn compile_subkwargs(&mut self, kws: &'a [ast::Keyword]) -> CResult<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit_noloc(Opcode::BuildMap, 0);
        }
        for k in kws {
            let name = k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or("");
            self.load_const(Constant::Str(Rc::from(name)));
            self.compile_expr(&k.value)?;
            if big {
                self.emit_noloc(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    // ---- f-strings ---------------------------------------------------------------------

    fn fstring_parts(&self, f: &'a ast::ExprFString) -> Vec<FPart<'a>> {
        let mut parts: Vec<FPart<'a>> = Vec::new();
        let push_lit = |parts: &mut Vec<FPart<'a>>, text: &str, range: TextRange| {
            if text.is_empty() {
                return;
            }
            if let Some(FPart::Literal(s, r)) = parts.last_mut() {
                s.push_str(text);
                *r = TextRange::new(r.start(), range.end());
                return;
            }
            parts.push(FPart::Literal(text.to_string(), range));
        };
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => push_lit(&mut parts, &super::strlit::string_part(self.src, l), l.range),
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                let raw = fs.flags.prefix().is_raw();
                                push_lit(&mut parts, &super::strlit::fstring_element(self.src, &l.value, l.range, raw), l.range)
                            }
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                if let Some(dbg) = &i.debug_text {
                                    let text = format!("{}{}{}", dbg.leading(), dbg.expression(), dbg.trailing());
                                    let start = i.range.start() + ruff_text_size::TextSize::from(1);
                                    push_lit(&mut parts, &text, TextRange::new(start, i.expression.range().end()));
                                }
                                parts.push(FPart::Field(i));
                            }
                        }
                    }
                }
            }
        }
        parts
    }

    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let parts = self.fstring_parts(f);
        self.compile_joined(parts)
    }

    fn compile_joined(&mut self, parts: Vec<FPart<'a>>) -> CResult<()> {
        let n = parts.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(Rc::from("")));
            let idx = self.name_index_raw("join");
            self.emit(Opcode::LoadMethod, idx);
            self.emit(Opcode::BuildList, 0);
            for p in parts {
                self.compile_fpart(p)?;
                self.emit(Opcode::ListAppend, 1);
            }
            self.emit(Opcode::Call, 1);
            return Ok(());
        }
        for p in parts {
            self.compile_fpart(p)?;
        }
        if n > 1 {
            self.emit(Opcode::BuildString, n as u32);
        } else if n == 0 {
            self.load_const(Constant::Str(Rc::from("")));
        }
        Ok(())
    }

    fn compile_fpart(&mut self, p: FPart<'a>) -> CResult<()> {
        match p {
            FPart::Literal(s, r) => {
                let loc = self.pos(r);
                self.load_const_at(Constant::Str(Rc::from(s.as_str())), loc);
            }
            FPart::Field(i) => {
                self.compile_expr(&i.expression)?;
                let loc = self.pos(i.range);
                let conv = match i.conversion {
                    ast::ConversionFlag::Str => Some(CONVERT_STR),
                    ast::ConversionFlag::Repr => Some(CONVERT_REPR),
                    ast::ConversionFlag::Ascii => Some(CONVERT_ASCII),
                    ast::ConversionFlag::None => {
                        if i.debug_text.is_some() && i.format_spec.is_none() {
                            Some(CONVERT_REPR)
                        } else {
                            None
                        }
                    }
                };
                if let Some(c) = conv {
                    self.emit_at(Opcode::ConvertValue, c, loc);
                }
                match &i.format_spec {
                    Some(spec) => {
                        let mut parts: Vec<FPart<'a>> = Vec::new();
                        for el in spec.elements.iter() {
                            match el {
                                ast::InterpolatedStringElement::Literal(l) => {
                                    if l.value.is_empty() {
                                        continue;
                                    }
                                    if let Some(FPart::Literal(s, r)) = parts.last_mut() {
                                        s.push_str(&l.value);
                                        *r = TextRange::new(r.start(), l.range.end());
                                    } else {
                                        parts.push(FPart::Literal(l.value.to_string(), l.range));
                                    }
                                }
                                ast::InterpolatedStringElement::Interpolation(f) => parts.push(FPart::Field(f)),
                            }
                        }
                        let saved = self.set_loc(spec.range);
                        self.compile_joined(parts)?;
                        self.loc = saved;
                        self.emit_at(Opcode::FormatWithSpec, 0, loc);
                    }
                    None => self.emit_at(Opcode::FormatSimple, 0, loc),
                }
            }
        }
        Ok(())
    }
}

fn is_invertible_compare(e: &Expr) -> bool {
    matches!(e, Expr::Compare(c) if c.ops.len() == 1
        && matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot | ast::CmpOp::In | ast::CmpOp::NotIn))
}
