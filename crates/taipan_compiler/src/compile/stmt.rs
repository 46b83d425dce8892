//! Statements.
//!
//! Follows CPython 3.13's `Python/compile.c`: `compiler_visit_stmt`, `compiler_if`,
//! `compiler_for` / `compiler_async_for`, `compiler_while`, `compiler_return`,
//! `compiler_break` / `compiler_continue`, `compiler_try_except`, `compiler_try_finally`,
//! `compiler_try_star_except`, `compiler_with` / `compiler_async_with`, `compiler_import`,
//! `compiler_from_import`, `compiler_assert`, `compiler_augassign`, `compiler_annassign`.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, FBlockDatum, FBlockKind, Op, ScopeType, NO_LOCATION};
use crate::bytecode::{BinaryOperator, Intrinsic1, Intrinsic2, Opcode};
use crate::code::Constant;

pub(crate) fn binop_of(op: ast::Operator) -> BinaryOperator {
    use ast::Operator::*;
    match op {
        Add => BinaryOperator::Add,
        Sub => BinaryOperator::Subtract,
        Mult => BinaryOperator::Multiply,
        MatMult => BinaryOperator::MatrixMultiply,
        Div => BinaryOperator::TrueDivide,
        Mod => BinaryOperator::Remainder,
        Pow => BinaryOperator::Power,
        LShift => BinaryOperator::Lshift,
        RShift => BinaryOperator::Rshift,
        BitOr => BinaryOperator::Or,
        BitXor => BinaryOperator::Xor,
        BitAnd => BinaryOperator::And,
        FloorDiv => BinaryOperator::FloorDivide,
    }
}

/// `_PyAST_GetDocString`-free test for "a constant expression statement".
fn is_slice_two(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

impl<'a> Compiler<'a> {
    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_depth(s.range())?;
        let saved = self.set_loc(s.range());
        let r = self.compile_stmt_inner(s);
        self.loc = saved;
        self.depth -= 1;
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f),
            Stmt::ClassDef(c) => self.compile_class_def(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.compile_expr(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => self.compile_type_alias(t),
            Stmt::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.compile_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::For(f) => {
                if f.is_async {
                    self.compile_async_for(f)
                } else {
                    self.compile_for(f)
                }
            }
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    self.compile_async_with(w, 0)
                } else {
                    self.compile_with(w, 0)
                }
            }
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.compile_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.compile_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if !t.finalbody.is_empty() {
                        self.compile_try_finally(t, true)
                    } else {
                        self.compile_try_star_except(t)
                    }
                } else if !t.finalbody.is_empty() {
                    self.compile_try_finally(t, false)
                } else {
                    self.compile_try_except(t)
                }
            }
            Stmt::Assert(a) => self.compile_assert(a),
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_from_import(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.compile_stmt_expr(&e.value),
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop, 0);
                Ok(())
            }
            Stmt::Break(b) => self.compile_break(b.range),
            Stmt::Continue(c) => self.compile_continue(c.range),
            Stmt::IpyEscapeCommand(i) => Err(self.error("invalid syntax", i.range)),
        }
    }

    fn compile_stmt_expr(&mut self, value: &'a Expr) -> CResult<()> {
        if self.interactive && self.units.len() == 1 {
            self.compile_expr(value)?;
            self.emit(Opcode::CallIntrinsic1, Intrinsic1::Print as u32);
            self.emit_noloc(Opcode::PopTop, 0);
            return Ok(());
        }
        if self.fold(value).is_some() {
            self.emit(Opcode::Nop, 0);
            return Ok(());
        }
        self.compile_expr(value)?;
        self.emit_noloc(Opcode::PopTop, 0);
        Ok(())
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        let const_value = r.value.as_deref().and_then(|v| self.fold(v));
        let preserve_tos = r.value.is_some() && const_value.is_none();
        let ste = self.ste();
        if !ste.is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        if r.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let stmt_loc = self.loc;
        if let Some(v) = &r.value {
            if preserve_tos {
                self.compile_expr(v)?;
            } else {
                let l = self.pos(v.range());
                self.emit_at(Opcode::Nop, 0, l);
            }
        }
        let value_line = r.value.as_ref().map(|v| self.pos(v.range()).line);
        if value_line != Some(stmt_loc.line) {
            self.emit_at(Opcode::Nop, 0, stmt_loc);
        }
        self.loc = stmt_loc;
        self.unwind_fblock_stack(preserve_tos, false, r.range)?;
        match (&r.value, const_value) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }

    fn compile_break(&mut self, range: TextRange) -> CResult<()> {
        self.emit(Opcode::Nop, 0);
        let origin = self.loc;
        let loop_ = self.unwind_fblock_stack(false, true, range)?;
        let Some(loop_) = loop_ else {
            return Err(self.error_at("'break' outside loop", origin));
        };
        self.unwind_fblock(loop_, false)?;
        if let Some(exit) = loop_.exit {
            self.emit_jump(Opcode::Jump, exit);
        }
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange) -> CResult<()> {
        self.emit(Opcode::Nop, 0);
        let origin = self.loc;
        let loop_ = self.unwind_fblock_stack(false, true, range)?;
        let Some(loop_) = loop_ else {
            return Err(self.error_at("'continue' not properly in loop", origin));
        };
        if let Some(block) = loop_.block {
            self.emit_jump(Opcode::Jump, block);
        }
        Ok(())
    }

    fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], clauses: &'a [ast::ElifElseClause]) -> CResult<()> {
        let end = self.new_label();
        let next = if clauses.is_empty() { end } else { self.new_label() };
        self.jump_if(test, next, false)?;
        self.compile_body(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
            self.use_label(next);
            match &first.test {
                Some(t) => {
                    self.enter_depth(first.range)?;
                    let saved = self.set_loc(first.range);
                    let r = self.compile_if(t, &first.body, rest);
                    self.loc = saved;
                    self.depth -= 1;
                    r?;
                }
                None => self.compile_body(&first.body)?,
            }
        }
        self.use_label(end);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None, f.range)?;
        self.compile_iter_expr(&f.iter)?;
        let iter_loc = self.pos(f.iter.range());
        self.emit_at(Opcode::GetIter, 0, iter_loc);
        self.use_label(start);
        self.emit_jump_at(Opcode::ForIter, cleanup, iter_loc);
        let target_loc = self.pos(f.target.range());
        self.emit_at(Opcode::Nop, 0, target_loc);
        self.compile_expr(&f.target)?;
        self.compile_body(&f.body)?;
        self.emit_jump_at(Opcode::Jump, start, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_fblock();
        self.compile_body(&f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if self.unit_ref().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.compile_expr(&f.iter)?;
        let iter_loc = self.pos(f.iter.range());
        self.emit_at(Opcode::GetAiter, 0, iter_loc);
        self.use_label(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None, f.range)?;
        let loc = self.loc;
        self.emit_setup(Op::SetupFinally, except, loc);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_full(Op::PopBlock, 0, None, loc);
        self.compile_expr(&f.target)?;
        self.compile_body(&f.body)?;
        self.emit_jump_at(Opcode::Jump, start, NO_LOCATION);
        self.pop_fblock();
        self.use_label(except);
        self.emit_at(Opcode::EndAsyncFor, 0, iter_loc);
        self.compile_body(&f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let loop_ = self.new_label();
        let body = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(loop_);
        self.push_fblock(FBlockKind::WhileLoop, Some(loop_), Some(end), FBlockDatum::None, w.range)?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_label(body);
        self.compile_body(&w.body)?;
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_label(anchor);
        self.compile_body(&w.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_noloc(Opcode::Copy, 3);
        self.emit_noloc(Opcode::PopExcept, 0);
        self.emit_noloc(Opcode::Reraise, 1);
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let loc = self.loc;
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_setup(Op::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None, t.range)?;
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_block();
        self.compile_body(&t.orelse)?;
        self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
        self.use_label(except);
        self.emit_setup(Op::SetupCleanup, cleanup, NO_LOCATION);
        self.emit_noloc(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, FBlockDatum::None, t.range)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.pos(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let saved = std::mem::replace(&mut self.loc, hloc);
            except = self.new_label();
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(&name.id, ExprContext::Store)?;
                self.emit_setup(Op::SetupCleanup, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, FBlockDatum::Name(&name.id), h.range)?;
                self.compile_body(&h.body)?;
                self.pop_fblock();
                self.pop_block();
                self.pop_block();
                self.emit_noloc(Opcode::PopExcept, 0);
                self.load_const_at(Constant::None, NO_LOCATION);
                self.nameop_at(&name.id, ExprContext::Store, NO_LOCATION)?;
                self.nameop_at(&name.id, ExprContext::Del, NO_LOCATION)?;
                self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
                self.use_label(cleanup_end);
                self.load_const_at(Constant::None, NO_LOCATION);
                self.nameop_at(&name.id, ExprContext::Store, NO_LOCATION)?;
                self.nameop_at(&name.id, ExprContext::Del, NO_LOCATION)?;
                self.emit_noloc(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::PopTop, 0);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, FBlockDatum::None, h.range)?;
                self.compile_body(&h.body)?;
                self.pop_fblock();
                self.pop_block();
                self.emit_noloc(Opcode::PopExcept, 0);
                self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
            }
            self.loc = saved;
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit_noloc(Opcode::Reraise, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(end);
        Ok(())
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry, star: bool) -> CResult<()> {
        let loc = self.loc;
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_setup(Op::SetupFinally, end, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::FinallyTry, Some(body), Some(end), FBlockDatum::Body(&t.finalbody), t.range)?;
        if !t.handlers.is_empty() {
            if star {
                self.compile_try_star_except(t)?;
            } else {
                self.compile_try_except(t)?;
            }
        } else {
            self.compile_body(&t.body)?;
        }
        self.pop_block();
        self.pop_fblock();
        self.compile_body(&t.finalbody)?;
        self.emit_jump_at(Opcode::Jump, exit, NO_LOCATION);
        self.use_label(end);
        self.loc = NO_LOCATION;
        self.emit_setup(Op::SetupCleanup, cleanup, NO_LOCATION);
        self.emit_noloc(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None, t.range)?;
        self.compile_body(&t.finalbody)?;
        self.pop_fblock();
        self.emit_noloc(Opcode::Reraise, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
        self.loc = loc;
        Ok(())
    }

    fn compile_try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let loc = self.loc;
        let body = self.new_label();
        let mut except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_setup(Op::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None, t.range)?;
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_block();
        self.emit_jump_at(Opcode::Jump, orelse, NO_LOCATION);
        let n = t.handlers.len();
        self.use_label(except);
        self.emit_setup(Op::SetupCleanup, cleanup, NO_LOCATION);
        self.emit_noloc(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, FBlockDatum::None, t.range)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.pos(h.range);
            let saved = std::mem::replace(&mut self.loc, hloc);
            let next_except = self.new_label();
            except = next_except;
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Copy, 2);
            }
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.emit(Opcode::CheckEgMatch, 0);
                self.emit(Opcode::Copy, 1);
                self.emit_jump(Opcode::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(&name.id, ExprContext::Store)?,
                None => self.emit(Opcode::PopTop, 0),
            }
            self.emit_setup(Op::SetupCleanup, cleanup_end, hloc);
            self.use_label(cleanup_body);
            let datum = match &h.name {
                Some(n) => FBlockDatum::Name(&n.id),
                None => FBlockDatum::None,
            };
            self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, datum, h.range)?;
            self.compile_body(&h.body)?;
            self.pop_fblock();
            self.pop_block();
            if let Some(name) = &h.name {
                self.load_const_at(Constant::None, NO_LOCATION);
                self.nameop_at(&name.id, ExprContext::Store, NO_LOCATION)?;
                self.nameop_at(&name.id, ExprContext::Del, NO_LOCATION)?;
            }
            self.emit_jump_at(Opcode::Jump, except, NO_LOCATION);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const_at(Constant::None, NO_LOCATION);
                self.nameop_at(&name.id, ExprContext::Store, NO_LOCATION)?;
                self.nameop_at(&name.id, ExprContext::Del, NO_LOCATION)?;
            }
            self.emit_noloc(Opcode::ListAppend, 3);
            self.emit_noloc(Opcode::PopTop, 0);
            self.emit_jump_at(Opcode::Jump, except_with_error, NO_LOCATION);
            self.use_label(except);
            self.emit_noloc(Opcode::Nop, 0);
            self.emit_jump_at(Opcode::Jump, except_with_error, NO_LOCATION);
            self.use_label(no_match);
            self.emit(Opcode::PopTop, 0);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.emit_noloc(Opcode::ListAppend, 1);
                self.emit_jump_at(Opcode::Jump, reraise_star, NO_LOCATION);
            }
            self.loc = saved;
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit_noloc(Opcode::CallIntrinsic2, Intrinsic2::PrepReraiseStar as u32);
        self.emit_noloc(Opcode::Copy, 1);
        self.emit_jump_at(Opcode::PopJumpIfNotNone, reraise, NO_LOCATION);
        self.emit_noloc(Opcode::PopTop, 0);
        self.pop_block();
        self.emit_noloc(Opcode::PopExcept, 0);
        self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
        self.use_label(reraise);
        self.pop_block();
        self.emit_noloc(Opcode::Swap, 2);
        self.emit_noloc(Opcode::PopExcept, 0);
        self.emit_noloc(Opcode::Reraise, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(orelse);
        self.compile_body(&t.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: super::Label) {
        let suppress = self.new_label();
        let exit = self.new_label();
        self.emit_jump_at(Opcode::PopJumpIfTrue, suppress, NO_LOCATION);
        self.emit_noloc(Opcode::Reraise, 2);
        self.use_label(suppress);
        self.emit_noloc(Opcode::PopTop, 0);
        self.pop_block();
        self.emit_noloc(Opcode::PopExcept, 0);
        self.emit_noloc(Opcode::PopTop, 0);
        self.emit_noloc(Opcode::PopTop, 0);
        self.emit_jump_at(Opcode::Jump, exit, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
    }

    fn compile_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        let item = &w.items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.compile_expr(&item.context_expr)?;
        let loc = self.pos(item.context_expr.range());
        let stmt_loc = self.loc;
        self.loc = loc;
        self.emit(Opcode::BeforeWith, 0);
        self.emit_setup(Op::SetupWith, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With, Some(block), Some(final_), FBlockDatum::None, w.range)?;
        if let Some(v) = &item.optional_vars {
            self.compile_expr(v)?;
        } else {
            self.emit(Opcode::PopTop, 0);
        }
        self.loc = stmt_loc;
        if pos + 1 == w.items.len() {
            self.compile_body(&w.body)?;
        } else {
            self.compile_with(w, pos + 1)?;
        }
        self.pop_block();
        self.pop_fblock();
        self.loc = stmt_loc;
        self.call_exit_with_nones();
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Opcode::Jump, exit);
        self.use_label(final_);
        self.emit_setup(Op::SetupCleanup, cleanup, stmt_loc);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn compile_async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        if self.unit_ref().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let item = &w.items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.compile_expr(&item.context_expr)?;
        let loc = self.pos(item.context_expr.range());
        self.loc = loc;
        self.emit(Opcode::BeforeAsyncWith, 0);
        self.emit(Opcode::GetAwaitable, 1);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_setup(Op::SetupWith, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::AsyncWith, Some(block), Some(final_), FBlockDatum::None, w.range)?;
        if let Some(v) = &item.optional_vars {
            self.compile_expr(v)?;
        } else {
            self.emit(Opcode::PopTop, 0);
        }
        if pos + 1 == w.items.len() {
            self.compile_body(&w.body)?;
        } else {
            self.compile_async_with(w, pos + 1)?;
        }
        self.loc = loc;
        self.pop_fblock();
        self.emit_full(Op::PopBlock, 0, None, loc);
        self.call_exit_with_nones();
        self.emit(Opcode::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Opcode::Jump, exit);
        self.use_label(final_);
        self.emit_setup(Op::SetupCleanup, cleanup, loc);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        self.emit(Opcode::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn compile_assert(&mut self, a: &'a ast::StmtAssert) -> CResult<()> {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(&a.test, end, true)?;
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(m) = &a.msg {
            self.compile_expr(m)?;
            self.emit(Opcode::Call, 0);
        }
        let tloc = self.pos(a.test.range());
        self.emit_at(Opcode::RaiseVarargs, 1, tloc);
        self.use_label(end);
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> CResult<()> {
        for alias in &i.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            let idx = self.name_index(&alias.name.id);
            self.emit(Opcode::ImportName, idx);
            let name = alias.name.id.as_str();
            if let Some(asname) = &alias.asname {
                if let Some(dot) = name.find('.') {
                    let mut rest = &name[dot + 1..];
                    loop {
                        let (attr, more) = match rest.find('.') {
                            Some(d) => (&rest[..d], Some(&rest[d + 1..])),
                            None => (rest, None),
                        };
                        let idx = self.name_index_raw(attr);
                        self.emit(Opcode::ImportFrom, idx);
                        match more {
                            Some(m) => {
                                self.emit(Opcode::Swap, 2);
                                self.emit(Opcode::PopTop, 0);
                                rest = m;
                            }
                            None => break,
                        }
                    }
                    self.nameop(&asname.id, ExprContext::Store)?;
                    self.emit(Opcode::PopTop, 0);
                } else {
                    self.nameop(&asname.id, ExprContext::Store)?;
                }
            } else {
                let store = match name.find('.') {
                    Some(d) => &name[..d],
                    None => name,
                };
                self.nameop(store, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    fn compile_from_import(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        self.load_const(Constant::Int(i.level.into()));
        let names: Vec<Constant> =
            i.names.iter().map(|a| Constant::Str(Rc::from(a.name.id.as_str()))).collect();
        self.load_const(Constant::Tuple(Rc::from(names)));
        let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        let idx = self.name_index(module);
        self.emit(Opcode::ImportName, idx);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.id.as_str() == "*" {
                self.emit(Opcode::CallIntrinsic1, Intrinsic1::ImportStar as u32);
                self.emit_noloc(Opcode::PopTop, 0);
                return Ok(());
            }
            let idx = self.name_index(&alias.name.id);
            self.emit(Opcode::ImportFrom, idx);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(&store.id, ExprContext::Store)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let e = &*a.target;
        let stmt_loc = self.loc;
        let tloc = self.pos(e.range());
        self.loc = tloc;
        match e {
            Expr::Attribute(at) => {
                self.compile_expr(&at.value)?;
                self.emit(Opcode::Copy, 1);
                let l = self.attr_loc(tloc, at);
                let idx = self.name_index(&at.attr.id);
                self.emit_at(Opcode::LoadAttr, idx, l);
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                if is_slice_two(&sub.slice) {
                    self.compile_slice_parts(&sub.slice)?;
                    self.emit(Opcode::Copy, 3);
                    self.emit(Opcode::Copy, 3);
                    self.emit(Opcode::Copy, 3);
                    self.emit(Opcode::BinarySlice, 0);
                } else {
                    self.compile_expr(&sub.slice)?;
                    self.emit(Opcode::Copy, 2);
                    self.emit(Opcode::Copy, 2);
                    self.emit(Opcode::BinarySubscr, 0);
                }
            }
            Expr::Name(n) => {
                self.check_forbidden(&n.id, n.range)?;
                self.nameop(&n.id, ExprContext::Load)?;
            }
            _ => {
                return Err(self.error("illegal expression for augmented assignment", e.range()));
            }
        }
        self.loc = stmt_loc;
        self.compile_expr(&a.value)?;
        self.emit(Opcode::BinaryOp, binop_of(a.op).inplace() as u32);
        self.loc = tloc;
        match e {
            Expr::Attribute(at) => {
                let l = self.attr_loc(tloc, at);
                self.loc = l;
                self.emit(Opcode::Swap, 2);
                let idx = self.name_index(&at.attr.id);
                self.emit(Opcode::StoreAttr, idx);
            }
            Expr::Subscript(sub) => {
                if is_slice_two(&sub.slice) {
                    self.emit(Opcode::Swap, 4);
                    self.emit(Opcode::Swap, 3);
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::StoreSlice, 0);
                } else {
                    self.emit(Opcode::Swap, 3);
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            Expr::Name(n) => self.nameop(&n.id, ExprContext::Store)?,
            _ => {}
        }
        self.loc = stmt_loc;
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.compile_expr(e)?;
        let l = self.pos(e.range());
        self.emit_at(Opcode::PopTop, 0, l);
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_expr(&a.target)?;
        }
        let module_or_class = matches!(self.unit_ref().scope_type, ScopeType::Module | ScopeType::Class);
        match &*a.target {
            Expr::Name(n) => {
                self.check_forbidden(&n.id, n.range)?;
                if a.simple && module_or_class {
                    if self.future_annotations {
                        let text = self.annotation_string(&a.annotation);
                        self.load_const(Constant::Str(Rc::from(text.as_str())));
                    } else {
                        self.compile_expr(&a.annotation)?;
                    }
                    let idx = self.name_index_raw("__annotations__");
                    self.emit(Opcode::LoadName, idx);
                    let mangled = self.mangle(&n.id);
                    self.load_const(Constant::Str(Rc::from(mangled.as_str())));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                self.check_forbidden(&at.attr.id, at.range)?;
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error("illegal target for annotation", a.target.range())),
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => {
                for el in &t.elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// The source text of an annotation, for `from __future__ import annotations`.
    pub fn annotation_string(&self, e: &Expr) -> String {
        let r = e.range();
        let text = self.src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("");
        let mut out = String::with_capacity(text.len());
        let mut last_space = false;
        for ch in text.chars() {
            if ch == '\n' || ch == '\r' || ch == '\\' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            if ch == ' ' && last_space {
                continue;
            }
            last_space = ch == ' ';
            out.push(ch);
        }
        out
    }
}
