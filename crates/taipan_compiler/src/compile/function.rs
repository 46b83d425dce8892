//! Functions, lambdas, classes, comprehensions and PEP 695 annotation scopes.
//!
//! Follows CPython 3.13's `Python/compile.c`: `compiler_function` /
//! `compiler_function_body`, `compiler_default_arguments`, `compiler_visit_annotations`,
//! `compiler_make_closure`, `compiler_lambda`, `compiler_class` / `compiler_class_body`,
//! `compiler_type_params`, `compiler_typealias`, `compiler_comprehension` with
//! `push_inlined_comprehension_state` / `pop_inlined_comprehension_state` (PEP 709) and
//! the sync / async comprehension generators.
//!
//! NOTE: a list / set / dict comprehension whose iteration variable is captured by an
//! inner scope (a cell) is compiled as a nested function, as CPython 3.11 did: this
//! instruction set has no `MAKE_CELL` to give the inlined variable a fresh cell.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::{Ranged, TextRange};

use super::{clean_doc, CResult, Compiler, FBlockDatum, FBlockKind, Label, Op, ScopeType, NO_LOCATION};
use crate::bytecode::{
    Intrinsic1, Intrinsic2, Opcode, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_DEFAULTS,
    MAKE_FUNCTION_KWDEFAULTS,
};
use crate::code::{CodeObject, Constant, Position};
use crate::symtable::{self, key_of, BlockTag, Scope, DEF_LOCAL, DEF_NONLOCAL};

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

struct InlineState {
    temp_symbols: Vec<(String, Option<u32>)>,
    fast_hidden: Vec<String>,
    pushed_locals: Vec<String>,
    cleanup: Option<Label>,
    end: Option<Label>,
}

impl<'a> Compiler<'a> {
    fn block_for(&self, key: symtable::BlockKey, range: TextRange) -> CResult<usize> {
        self.st.lookup(key).ok_or_else(|| self.error("internal compiler error: missing symbol table", range))
    }

    /// `compiler_make_closure`.
    pub fn make_closure(&mut self, co: CodeObject, mut flags: u32, loc: Position) -> CResult<()> {
        if !co.freevars.is_empty() {
            for name in co.freevars.iter() {
                let is_class_cell = self.unit_ref().scope_type == ScopeType::Class
                    && (&**name == "__class__" || &**name == "__classdict__");
                let scope = if is_class_cell { Scope::Cell } else { self.ste().scope(name) };
                let idx = {
                    let u = self.unit();
                    if scope == Scope::Cell {
                        u.cellvars.get(name).or_else(|| u.freevars.get(name).map(|i| i + u.cellvars.len() as u32))
                    } else {
                        u.freevars.get(name).map(|i| i + u.cellvars.len() as u32).or_else(|| u.cellvars.get(name))
                    }
                };
                let Some(idx) = idx else {
                    return Err(self.error_at(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        loc,
                    ));
                };
                self.emit_at(Opcode::LoadClosure, idx, loc);
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.emit_at(Opcode::BuildTuple, co.freevars.len() as u32, loc);
        }
        self.load_const_at(Constant::Code(Rc::new(co)), loc);
        self.emit_at(Opcode::MakeFunction, flags, loc);
        Ok(())
    }

    fn check_debug_args(&self, p: &ast::Parameters) -> CResult<()> {
        for a in p.iter() {
            let param = a.as_parameter();
            if param.name.id.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", param.name.range));
            }
        }
        Ok(())
    }

    /// `compiler_default_arguments`: pushes defaults / kwdefaults, returns MakeFunction flags.
    fn default_arguments(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            self.emit(Opcode::BuildTuple, defaults.len() as u32);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut n = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = self.mangle(&a.parameter.name.id);
                self.load_const(Constant::Str(Rc::from(name.as_str())));
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BuildMap, n);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn argannotation(&mut self, name: &str, ann: Option<&'a Expr>, count: &mut u32) -> CResult<()> {
        let Some(ann) = ann else { return Ok(()) };
        let mangled = self.mangle(name);
        self.load_const(Constant::Str(Rc::from(mangled.as_str())));
        if self.future_annotations {
            let text = self.annotation_string(ann);
            self.load_const(Constant::Str(Rc::from(text.as_str())));
        } else if let Expr::Starred(s) = ann {
            self.compile_expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1);
        } else {
            self.compile_expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: pushes the annotations tuple; returns whether it did.
    fn visit_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut n = 0;
        for a in p.args.iter() {
            self.argannotation(&a.parameter.name.id, a.parameter.annotation.as_deref(), &mut n)?;
        }
        for a in p.posonlyargs.iter() {
            self.argannotation(&a.parameter.name.id, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &p.vararg {
            self.argannotation(&v.name.id, v.annotation.as_deref(), &mut n)?;
        }
        for a in p.kwonlyargs.iter() {
            self.argannotation(&a.parameter.name.id, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &p.kwarg {
            self.argannotation(&v.name.id, v.annotation.as_deref(), &mut n)?;
        }
        self.argannotation("return", returns, &mut n)?;
        if n > 0 {
            self.emit(Opcode::BuildTuple, n);
            return Ok(true);
        }
        Ok(false)
    }

    fn apply_decorators(&mut self, decos: &[ast::Decorator]) {
        for d in decos.iter().rev() {
            let loc = self.pos(d.expression.range());
            self.emit_at(Opcode::Call, 1, loc);
        }
    }

    fn compile_decorators(&mut self, decos: &'a [ast::Decorator]) -> CResult<()> {
        for d in decos {
            self.compile_expr(&d.expression)?;
            let loc = self.pos(d.expression.range());
            self.emit_at(Opcode::PushNull, 0, loc);
        }
        Ok(())
    }

    pub fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        self.check_debug_args(&f.parameters)?;
        self.compile_decorators(&f.decorator_list)?;
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.pos(d.expression.range()).line,
            None => self.pos(f.range).line,
        };
        let loc = self.loc;
        let mut funcflags = self.default_arguments(&f.parameters)?;
        let mut num_typeparam_args = 0;
        if let Some(tp) = &f.type_params {
            if funcflags & MAKE_FUNCTION_DEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & MAKE_FUNCTION_KWDEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.emit(Opcode::Swap, 2);
            }
            let block = self.block_for(key_of(&**tp, BlockTag::TypeParams), f.range)?;
            self.enter_scope(&format!("<generic parameters of {}>", f.name.id), ScopeType::TypeParams, block, firstlineno);
            self.loc = loc;
            self.compile_type_params(tp)?;
            for i in 0..num_typeparam_args {
                self.emit(Opcode::LoadFast, i);
            }
        }
        if self.visit_annotations(&f.parameters, f.returns.as_deref())? {
            funcflags |= MAKE_FUNCTION_ANNOTATIONS;
        }
        self.function_body(f, funcflags, firstlineno)?;
        if f.type_params.is_some() {
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::CallIntrinsic2, Intrinsic2::SetFunctionTypeParams as u32);
            self.emit(Opcode::ReturnValue, 0);
            self.unit().argcount = num_typeparam_args;
            let co = self.exit_scope()?;
            self.loc = loc;
            self.make_closure(co, 0, loc)?;
            if num_typeparam_args > 0 {
                self.emit(Opcode::Swap, num_typeparam_args + 1);
                self.emit(Opcode::Call, num_typeparam_args - 1);
            } else {
                self.emit(Opcode::PushNull, 0);
                self.emit(Opcode::Call, 0);
            }
        }
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name.id, ExprContext::Store)
    }

    fn function_body(&mut self, f: &'a ast::StmtFunctionDef, funcflags: u32, firstlineno: u32) -> CResult<()> {
        let block = self.block_for(key_of(f, BlockTag::Main), f.range)?;
        let scope_type = if f.is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        let outer_loc = self.loc;
        self.enter_scope(&f.name.id, scope_type, block, firstlineno);
        let body = &f.body;
        let mut first = 0;
        let doc = Self::docstring(body);
        if doc.is_some() {
            first = 1;
        }
        let doc_const = match doc {
            Some(d) if self.optimize < 2 => Constant::Str(Rc::from(clean_doc(&d).as_str())),
            _ => Constant::None,
        };
        self.add_const(doc_const);
        let p = &f.parameters;
        {
            let u = self.unit();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
        }
        for s in &body[first..] {
            self.compile_stmt(s)?;
        }
        self.loc = NO_LOCATION;
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
        let co = self.exit_scope()?;
        self.loc = outer_loc;
        self.make_closure(co, funcflags, outer_loc)
    }

    pub fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let loc = self.loc;
        self.compile_lambda_with(l, l.parameters.as_deref(), loc)
    }

    fn compile_lambda_with(&mut self, l: &'a ast::ExprLambda, p: Option<&'a ast::Parameters>, loc: Position) -> CResult<()> {
        let funcflags = match p {
            Some(p) => {
                self.check_debug_args(p)?;
                self.default_arguments(p)?
            }
            None => 0,
        };
        let block = self.block_for(key_of(l, BlockTag::Main), l.range)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, block, loc.line);
        self.add_const(Constant::None);
        if let Some(p) = p {
            let u = self.unit();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
        }
        self.compile_expr(&l.body)?;
        let body_loc = self.pos(l.body.range());
        if self.ste().generator {
            self.emit_at(Opcode::PopTop, 0, body_loc);
            self.load_const_at(Constant::None, body_loc);
        }
        self.emit_at(Opcode::ReturnValue, 0, body_loc);
        let co = self.exit_scope()?;
        self.loc = loc;
        self.make_closure(co, funcflags, loc)
    }

    pub fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        self.compile_decorators(&c.decorator_list)?;
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.pos(d.expression.range()).line,
            None => self.pos(c.range).line,
        };
        let loc = self.loc;
        if let Some(tp) = &c.type_params {
            self.unit().private = Some(c.name.id.to_string());
            let block = self.block_for(key_of(&**tp, BlockTag::TypeParams), c.range)?;
            self.enter_scope(&format!("<generic parameters of {}>", c.name.id), ScopeType::TypeParams, block, firstlineno);
            self.loc = loc;
            self.compile_type_params(tp)?;
            self.nameop(".type_params", ExprContext::Store)?;
        }
        self.class_body(c, firstlineno)?;
        self.loc = loc;
        let empty_args: &'a [Expr] = &[];
        let empty_kws: &'a [ast::Keyword] = &[];
        let (args, kws) = match &c.arguments {
            Some(a) => (&a.args[..], &a.keywords[..]),
            None => (empty_args, empty_kws),
        };
        if c.type_params.is_some() {
            self.nameop(".type_params", ExprContext::Load)?;
            self.emit(Opcode::CallIntrinsic1, Intrinsic1::SubscriptGeneric as u32);
            self.nameop(".generic_base", ExprContext::Store)?;
            self.call_helper_with_generic_base(args, kws)?;
            self.emit(Opcode::ReturnValue, 0);
            let co = self.exit_scope()?;
            self.loc = loc;
            self.make_closure(co, 0, loc)?;
            self.emit(Opcode::PushNull, 0);
            self.emit(Opcode::Call, 0);
        } else {
            self.call_helper(2, args, kws)?;
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name.id, ExprContext::Store)
    }

    /// `compiler_call_helper(c, loc, 2, bases + [.generic_base], keywords)`.
    fn call_helper_with_generic_base(&mut self, args: &'a [Expr], kws: &'a [ast::Keyword]) -> CResult<()> {
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none())
            && args.len() + 1 + kws.len() * 2 <= super::STACK_USE_GUIDELINE;
        if simple {
            for a in args {
                self.compile_expr(a)?;
            }
            self.nameop(".generic_base", ExprContext::Load)?;
            let n = 2 + args.len() as u32 + 1;
            if kws.is_empty() {
                self.emit(Opcode::Call, n);
            } else {
                for k in kws {
                    self.compile_expr(&k.value)?;
                }
                let names: Vec<Constant> = kws
                    .iter()
                    .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or(""))))
                    .collect();
                self.load_const(Constant::Tuple(Rc::from(names)));
                self.emit(Opcode::CallKw, n + kws.len() as u32);
            }
            return Ok(());
        }
        self.emit(Opcode::BuildList, 2);
        for a in args {
            if let Expr::Starred(s) = a {
                self.compile_expr(&s.value)?;
                self.emit(Opcode::ListExtend, 1);
            } else {
                self.compile_expr(a)?;
                self.emit(Opcode::ListAppend, 1);
            }
        }
        self.nameop(".generic_base", ExprContext::Load)?;
        self.emit(Opcode::ListAppend, 1);
        self.emit(Opcode::ListToTuple, 0);
        if !kws.is_empty() {
            self.emit(Opcode::BuildMap, 0);
            for k in kws {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Constant::Str(Rc::from(name.id.as_str())));
                        self.compile_expr(&k.value)?;
                        self.emit(Opcode::BuildMap, 1);
                        self.emit(Opcode::DictMerge, 1);
                    }
                    None => {
                        self.compile_expr(&k.value)?;
                        self.emit(Opcode::DictMerge, 1);
                    }
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, u32::from(!kws.is_empty()));
        Ok(())
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef, firstlineno: u32) -> CResult<()> {
        let block = self.block_for(key_of(c, BlockTag::Main), c.range)?;
        let outer_loc = self.loc;
        self.enter_scope(&c.name.id, ScopeType::Class, block, firstlineno);
        let loc = Position { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        self.loc = loc;
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(Rc::from(qualname.as_str())));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.load_const(Constant::Int(firstlineno.into()));
        self.nameop("__firstlineno__", ExprContext::Store)?;
        if c.type_params.is_some() {
            self.nameop(".type_params", ExprContext::Load)?;
            self.nameop("__type_params__", ExprContext::Store)?;
        }
        if self.ste().needs_classdict {
            self.emit(Opcode::LoadLocals, 0);
            let idx = self.deref_index("__classdict__");
            self.emit(Opcode::StoreDeref, idx);
        }
        self.compile_module_body(&c.body)?;
        let attrs: Vec<Constant> = self
            .unit_ref()
            .static_attributes
            .iter()
            .flatten()
            .map(|s| Constant::Str(Rc::from(s.as_str())))
            .collect();
        self.loc = NO_LOCATION;
        self.load_const(Constant::Tuple(Rc::from(attrs)));
        self.nameop("__static_attributes__", ExprContext::Store)?;
        if self.ste().needs_classdict {
            let idx = self.deref_index("__classdict__");
            self.emit(Opcode::LoadClosure, idx);
            self.nameop("__classdictcell__", ExprContext::Store)?;
        }
        if self.ste().needs_class_closure {
            let idx = self.deref_index("__class__");
            self.emit(Opcode::LoadClosure, idx);
            self.emit(Opcode::Copy, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let co = self.exit_scope()?;
        let loc = self.pos(c.range);
        self.loc = loc;
        self.emit(Opcode::LoadBuildClass, 0);
        self.emit(Opcode::PushNull, 0);
        self.make_closure(co, 0, loc)?;
        self.load_const(Constant::Str(Rc::from(c.name.id.as_str())));
        let _ = outer_loc;
        Ok(())
    }

    /// `compiler_type_params`: builds the tuple of type parameters.
    fn compile_type_params(&mut self, tps: &'a ast::TypeParams) -> CResult<()> {
        let mut seen_default = false;
        for tp in &tps.type_params {
            let loc = self.pos(tp.range());
            self.loc = loc;
            let (name, default) = match tp {
                ast::TypeParam::TypeVar(t) => (&t.name, t.default.as_deref()),
                ast::TypeParam::TypeVarTuple(t) => (&t.name, t.default.as_deref()),
                ast::TypeParam::ParamSpec(t) => (&t.name, t.default.as_deref()),
            };
            self.load_const(Constant::Str(Rc::from(name.id.as_str())));
            match tp {
                ast::TypeParam::TypeVar(t) => match &t.bound {
                    Some(bound) => {
                        self.type_param_bound_or_default(bound, &name.id, key_of(tp, BlockTag::Bound), false)?;
                        self.loc = loc;
                        let intr = if matches!(&**bound, Expr::Tuple(_)) {
                            Intrinsic2::TypeVarWithConstraints
                        } else {
                            Intrinsic2::TypeVarWithBound
                        };
                        self.emit(Opcode::CallIntrinsic2, intr as u32);
                    }
                    None => self.emit(Opcode::CallIntrinsic1, Intrinsic1::TypeVar as u32),
                },
                ast::TypeParam::TypeVarTuple(_) => self.emit(Opcode::CallIntrinsic1, Intrinsic1::TypeVarTuple as u32),
                ast::TypeParam::ParamSpec(_) => self.emit(Opcode::CallIntrinsic1, Intrinsic1::ParamSpec as u32),
            }
            if let Some(d) = default {
                seen_default = true;
                let starred = matches!(tp, ast::TypeParam::TypeVarTuple(_));
                self.type_param_bound_or_default(d, &name.id, key_of(tp, BlockTag::Default), starred)?;
                self.loc = loc;
                self.emit(Opcode::CallIntrinsic2, Intrinsic2::SetTypeparamDefault as u32);
            } else if seen_default {
                return Err(self.error(
                    format!("non-default type parameter '{}' follows default type parameter", name.id),
                    tp.range(),
                ));
            }
            self.emit(Opcode::Copy, 1);
            self.nameop(&name.id, ExprContext::Store)?;
        }
        if let Some(first) = tps.type_params.first() {
            let l = self.pos(first.range());
            self.emit_at(Opcode::BuildTuple, tps.type_params.len() as u32, l);
        }
        Ok(())
    }

    fn type_param_bound_or_default(&mut self, e: &'a Expr, name: &str, key: symtable::BlockKey, allow_starred: bool) -> CResult<()> {
        let block = self.block_for(key, e.range())?;
        let loc = self.pos(e.range());
        self.enter_scope(name, ScopeType::TypeParams, block, loc.line);
        self.loc = loc;
        match e {
            Expr::Starred(s) if allow_starred => {
                self.compile_expr(&s.value)?;
                self.emit(Opcode::UnpackSequence, 1);
            }
            _ => self.compile_expr(e)?,
        }
        self.emit_at(Opcode::ReturnValue, 0, loc);
        let co = self.exit_scope()?;
        self.make_closure(co, 0, loc)
    }

    pub fn compile_type_alias(&mut self, t: &'a ast::StmtTypeAlias) -> CResult<()> {
        let loc = self.loc;
        let name = match &*t.name {
            Expr::Name(n) => n.id.to_string(),
            _ => return Err(self.error("invalid syntax", t.name.range())),
        };
        if let Some(tp) = &t.type_params {
            let block = self.block_for(key_of(&**tp, BlockTag::TypeParams), t.range)?;
            self.enter_scope(&format!("<generic parameters of {name}>"), ScopeType::TypeParams, block, loc.line);
            self.loc = loc;
            self.load_const(Constant::Str(Rc::from(name.as_str())));
            self.compile_type_params(tp)?;
        } else {
            self.load_const(Constant::Str(Rc::from(name.as_str())));
            self.load_const(Constant::None);
        }
        self.loc = loc;
        let block = self.block_for(key_of(t, BlockTag::Main), t.range)?;
        self.enter_scope(&name, ScopeType::Function, block, loc.line);
        self.add_const(Constant::None);
        self.compile_expr(&t.value)?;
        self.emit_at(Opcode::ReturnValue, 0, loc);
        let co = self.exit_scope()?;
        self.loc = loc;
        self.make_closure(co, 0, loc)?;
        self.emit(Opcode::BuildTuple, 3);
        self.emit(Opcode::CallIntrinsic1, Intrinsic1::TypeAlias as u32);
        if t.type_params.is_some() {
            self.emit(Opcode::ReturnValue, 0);
            let co = self.exit_scope()?;
            self.loc = loc;
            self.make_closure(co, 0, loc)?;
            self.emit(Opcode::PushNull, 0);
            self.emit(Opcode::Call, 0);
        }
        self.nameop(&name, ExprContext::Store)
    }

    // ---- comprehensions ----------------------------------------------------------------

    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult<()> {
        let (kind, generators, elt, val, name): (CompKind, &'a [ast::Comprehension], &'a Expr, Option<&'a Expr>, &str) =
            match e {
                Expr::ListComp(c) => (CompKind::List, &c.generators, &c.elt, None, "<listcomp>"),
                Expr::SetComp(c) => (CompKind::Set, &c.generators, &c.elt, None, "<setcomp>"),
                Expr::DictComp(c) => match &c.key {
                    Some(k) => (CompKind::Dict, &c.generators, k, Some(&*c.value), "<dictcomp>"),
                    None => return Err(self.error("dict unpacking cannot be used in dict comprehension", c.range)),
                },
                Expr::Generator(c) => (CompKind::Gen, &c.generators, &c.elt, None, "<genexpr>"),
                _ => return Ok(()),
            };
        let range = e.range();
        let block = self.block_for(key_of(e, BlockTag::Main), range)?;
        let is_inlined = self.st.blocks[block].comp_inlined;
        let is_async = self.st.blocks[block].coroutine;
        let loc = self.loc;
        let Some(outermost) = generators.first() else { return Ok(()) };
        if is_async && kind != CompKind::Gen {
            let st = self.unit_ref().scope_type;
            if !matches!(st, ScopeType::AsyncFunction | ScopeType::Comprehension) {
                return Err(self.error("asynchronous comprehension outside of an asynchronous function", range));
            }
        }
        let mut state = None;
        if is_inlined {
            self.compile_expr(&outermost.iter)?;
            self.loc = loc;
            self.emit(if outermost.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
            state = Some(self.push_inlined_comprehension_state(block, loc)?);
        } else {
            self.enter_scope(name, ScopeType::Comprehension, block, loc.line);
            self.unit().argcount = 1;
            self.loc = loc;
        }
        let build = match kind {
            CompKind::List => Some(Opcode::BuildList),
            CompKind::Set => Some(Opcode::BuildSet),
            CompKind::Dict => Some(Opcode::BuildMap),
            CompKind::Gen => None,
        };
        if let Some(op) = build {
            self.emit(op, 0);
            if is_inlined {
                self.emit(Opcode::Swap, 2);
            }
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind, is_inlined)?;
        if let Some(state) = state {
            self.loc = loc;
            return self.pop_inlined_comprehension_state(block, state);
        }
        if kind != CompKind::Gen {
            self.emit_at(Opcode::ReturnValue, 0, loc);
        } else {
            self.loc = NO_LOCATION;
            self.load_const(Constant::None);
            self.emit(Opcode::ReturnValue, 0);
        }
        let co = self.exit_scope()?;
        self.loc = loc;
        self.make_closure(co, 0, loc)?;
        self.compile_expr(&outermost.iter)?;
        self.loc = loc;
        self.emit(if outermost.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        self.emit(Opcode::Call, 0);
        if is_async && kind != CompKind::Gen {
            self.emit(Opcode::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        self.enter_depth(elt.range())?;
        let r = if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind, iter_on_stack)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind, iter_on_stack)
        };
        self.depth -= 1;
        r
    }

    fn comprehension_element(&mut self, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind, depth: u32) -> CResult<Position> {
        let mut elt_loc = self.pos(elt.range());
        match kind {
            CompKind::Gen => {
                self.compile_expr(elt)?;
                let ste = self.ste();
                if ste.generator && ste.coroutine {
                    self.emit_at(Opcode::CallIntrinsic1, Intrinsic1::AsyncGenWrap as u32, elt_loc);
                }
                self.emit_at(Opcode::YieldValue, 0, elt_loc);
                self.emit_at(Opcode::PopTop, 0, elt_loc);
            }
            CompKind::List => {
                self.compile_expr(elt)?;
                self.emit_at(Opcode::ListAppend, depth + 1, elt_loc);
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.emit_at(Opcode::SetAdd, depth + 1, elt_loc);
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                if let Some(v) = val {
                    self.compile_expr(v)?;
                    let vl = self.pos(v.range());
                    elt_loc.end_line = vl.end_line;
                    elt_loc.end_col = vl.end_col;
                }
                self.emit_at(Opcode::MapAdd, depth + 1, elt_loc);
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        let loc = self.loc;
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let gen = &generators[gen_index];
        let iter_loc = self.pos(gen.iter.range());
        if !iter_on_stack {
            if gen_index == 0 {
                self.emit(Opcode::LoadFast, 0);
            } else {
                let single = match &gen.iter {
                    Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                    Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                    _ => None,
                };
                match single {
                    Some(el) if !matches!(el, Expr::Starred(_)) => {
                        self.compile_expr(el)?;
                        start = None;
                    }
                    _ => {
                        self.compile_iter_expr(&gen.iter)?;
                        self.emit_at(Opcode::GetIter, 0, iter_loc);
                    }
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.emit_jump_at(Opcode::ForIter, anchor, iter_loc);
        }
        self.compile_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.loc = loc;
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.loc = loc;
        let mut elt_loc = self.pos(elt.range());
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind, false)?;
        } else {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump_at(Opcode::Jump, start, elt_loc);
            self.use_label(anchor);
        }
        self.loc = loc;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        let loc = self.loc;
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let gen = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.emit(Opcode::LoadFast, 0);
            } else {
                self.compile_expr(&gen.iter)?;
                let l = self.pos(gen.iter.range());
                self.emit_at(Opcode::GetAiter, 0, l);
            }
        }
        self.use_label(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None, FBlockDatum::None, gen.range)?;
        self.emit_setup(Op::SetupFinally, except, loc);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_full(Op::PopBlock, 0, None, loc);
        self.compile_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.loc = loc;
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.loc = loc;
        depth += 1;
        let mut elt_loc = self.pos(elt.range());
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind, false)?;
        } else {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        self.emit_jump_at(Opcode::Jump, start, elt_loc);
        self.pop_fblock();
        self.use_label(except);
        self.emit_at(Opcode::EndAsyncFor, 0, loc);
        self.loc = loc;
        Ok(())
    }

    fn push_inlined_comprehension_state(&mut self, comp: usize, loc: Position) -> CResult<InlineState> {
        let outer = self.unit_ref().block;
        let in_class_block =
            self.st.blocks[outer].kind == symtable::BlockType::Class && self.unit_ref().in_inlined_comp == 0;
        self.unit().in_inlined_comp += 1;
        let function_like = self.st.blocks[outer].is_function_like();
        let mut state =
            InlineState { temp_symbols: Vec::new(), fast_hidden: Vec::new(), pushed_locals: Vec::new(), cleanup: None, end: None };
        let symbols: Vec<(String, u32)> = self.st.blocks[comp].symbols.iter().map(|(k, v)| (k.to_string(), v)).collect();
        for (k, symbol) in symbols {
            let scope = symtable::scope_of(symbol);
            let outv = self.st.blocks[outer].symbols.get(&k);
            let outsc = symtable::scope_of(outv.unwrap_or(0));
            if (scope != outsc && scope != Scope::Free && !(scope == Scope::Cell && outsc == Scope::Free)) || in_class_block {
                self.st.blocks[outer].symbols.set(&k, symbol);
                state.temp_symbols.push((k.clone(), outv));
            }
            if (symbol & DEF_LOCAL != 0 && symbol & DEF_NONLOCAL == 0) || in_class_block {
                if !function_like && self.unit_ref().fasthidden.get(&k) != Some(&true) {
                    self.unit().fasthidden.insert(k.clone(), true);
                    state.fast_hidden.push(k.clone());
                }
                let idx = self.unit().varnames.index(&k);
                self.emit_at(Opcode::LoadFastAndClear, idx, loc);
                state.pushed_locals.push(k);
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit_at(Opcode::Swap, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            state.end = Some(self.new_label());
            self.emit_setup(Op::SetupFinally, cleanup, loc);
        }
        Ok(state)
    }

    fn restore_inlined_locals(&mut self, state: &InlineState) {
        let loc = self.loc;
        let n = state.pushed_locals.len() as u32;
        self.emit_at(Opcode::Swap, n + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            let idx = self.unit().varnames.index(k);
            self.emit_at(Opcode::StoreFast, idx, loc);
        }
    }

    fn pop_inlined_comprehension_state(&mut self, comp: usize, state: InlineState) -> CResult<()> {
        let _ = comp;
        self.unit().in_inlined_comp -= 1;
        let outer = self.unit_ref().block;
        for (k, v) in state.temp_symbols.iter().rev() {
            match v {
                Some(v) => self.st.blocks[outer].symbols.set(k, *v),
                None => self.st.blocks[outer].symbols.remove(k),
            }
        }
        if let (Some(cleanup), Some(end)) = (state.cleanup, state.end) {
            self.pop_block();
            self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
            self.use_label(cleanup);
            self.emit_noloc(Opcode::Swap, 2);
            self.emit_noloc(Opcode::PopTop, 0);
            self.restore_inlined_locals(&state);
            self.emit_noloc(Opcode::Reraise, 0);
            self.use_label(end);
            self.restore_inlined_locals(&state);
        }
        for k in state.fast_hidden {
            self.unit().fasthidden.insert(k, false);
        }
        Ok(())
    }
}
