//! `match` statements.
//!
//! Follows CPython 3.13's pattern compiler in `Python/compile.c`: `compiler_match_inner`,
//! `compiler_pattern` and its `compiler_pattern_{as,star,class,mapping,or,sequence,value,
//! singleton}`, with the `pattern_context` bookkeeping (`on_top`, the list of captured
//! `stores`, and the `fail_pop` blocks that pop what is on the stack when a sub-pattern
//! fails).  Names are bound only after the whole pattern has matched.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Label, NO_LOCATION};
use crate::bytecode::{BinaryOperator, ComparisonOperator, Opcode};
use crate::code::{Constant, Position};

struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.compile_expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else { return Ok(()) };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - usize::from(has_default);
        for (i, case) in m.cases[..n].iter().enumerate() {
            let ploc = self.pos(case.pattern.range());
            if i != n - 1 {
                self.emit_at(Opcode::Copy, 1, ploc);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop_at(name, ExprContext::Store, ploc)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let saved = std::mem::replace(&mut self.loc, ploc);
                self.jump_if(g, pc.fail_pop[0], false)?;
                self.loc = saved;
            }
            if i != n - 1 {
                let next = case.body.first().map(|s| self.pos(s.range())).unwrap_or(ploc);
                self.emit_at(Opcode::PopTop, 0, next);
            }
            self.compile_body(&case.body)?;
            self.emit_jump_at(Opcode::Jump, end, NO_LOCATION);
            self.emit_and_reset_fail_pop(&mut pc, ploc);
        }
        if has_default {
            let ploc = self.pos(last.pattern.range());
            if cases == 1 {
                self.emit_at(Opcode::PopTop, 0, ploc);
            } else {
                self.emit_at(Opcode::Nop, 0, ploc);
            }
            if let Some(g) = &last.guard {
                let saved = std::mem::replace(&mut self.loc, ploc);
                self.jump_if(g, end, false)?;
                self.loc = saved;
            }
            self.compile_body(&last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode, loc: Position) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump_at(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext, loc: Position) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.emit_at(Opcode::PopTop, 0, loc);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_rotate(&mut self, mut count: usize, loc: Position) {
        while count > 1 {
            self.emit_at(Opcode::Swap, count as u32, loc);
            count -= 1;
        }
    }

    fn pattern_store_name(&mut self, name: Option<&str>, pc: &mut PatternContext, range: TextRange) -> CResult<()> {
        let loc = self.pos(range);
        let Some(n) = name else {
            self.emit_at(Opcode::PopTop, 0, loc);
            return Ok(());
        };
        self.check_forbidden(n, range)?;
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{n}' in pattern"), range));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations, loc);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.enter_depth(p.range())?;
        let saved = self.set_loc(p.range());
        let r = self.compile_pattern_inner(p, pc);
        self.loc = saved;
        self.depth -= 1;
        r
    }

    fn compile_pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc;
        match p {
            Pattern::MatchValue(v) => {
                let ok = self.fold(&v.value).is_some() || matches!(&*v.value, Expr::Attribute(_));
                if !ok {
                    return Err(self.error("patterns may only match literals and attribute lookups", v.range));
                }
                self.compile_expr(&v.value)?;
                self.emit(Opcode::CompareOp, ComparisonOperator::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::True,
                    ast::Singleton::False => Constant::False,
                };
                self.load_const(c);
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, s.range)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref().map(|n| n.id.as_str()), pc, s.range)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.id),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(msg, a.range));
                    }
                    self.pattern_store_name(a.name.as_ref().map(|n| n.id.as_str()), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1);
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(a.name.as_ref().map(|n| n.id.as_str()), pc, a.range)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext, range: TextRange) -> CResult<()> {
        let loc = self.loc;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", range));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit(Opcode::CompareOp, ComparisonOperator::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
            }
            // With a star: len(subject) >= size - 1 (wildcard or not).
            Some(_) if size > 1 => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit(Opcode::CompareOp, ComparisonOperator::Ge as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Opcode::Copy, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(Opcode::GetLen, 0);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit(Opcode::BinaryOp, BinaryOperator::Subtract as u32);
                }
                self.emit(Opcode::BinarySubscr, 0);
                self.compile_subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern", range));
                    }
                    self.emit(Opcode::UnpackEx, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(Opcode::UnpackSequence, size as u32),
            }
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.compile_subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc;
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit(Opcode::CompareOp, ComparisonOperator::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
        }
        let mut seen: HashSet<String> = HashSet::new();
        for key in m.keys.iter() {
            if let Some(c) = self.fold(key) {
                let repr = crate::dis::const_repr(&c);
                let canonical = match &c {
                    Constant::True => "1".to_string(),
                    Constant::False => "0".to_string(),
                    Constant::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                    _ => repr.clone(),
                };
                if !seen.insert(canonical) {
                    return Err(self.error(format!("mapping pattern checks duplicate key ({repr})"), m.range));
                }
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error("mapping pattern keys may only match literals and attribute lookups", m.range));
            }
            self.compile_expr(key)?;
        }
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
        self.emit(Opcode::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for q in m.patterns.iter() {
            pc.on_top -= 1;
            self.compile_subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit(Opcode::BuildMap, 0);
            self.emit(Opcode::Swap, 3);
            self.emit(Opcode::DictUpdate, 2);
            self.emit(Opcode::UnpackSequence, size as u32);
            let mut n = size;
            while n > 0 {
                self.emit(Opcode::Copy, 1 + n as u32);
                n -= 1;
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::DeleteSubscr, 0);
            }
            self.pattern_store_name(Some(rest.id.as_str()), pc, m.range)?;
        } else {
            self.emit(Opcode::PopTop, 0);
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc;
        let args = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        let nargs = args.len();
        let nattrs = kws.len();
        for (i, k) in kws.iter().enumerate() {
            self.check_forbidden(&k.attr.id, k.pattern.range())?;
            for other in &kws[i + 1..] {
                if other.attr.id == k.attr.id {
                    return Err(self.error(
                        format!("attribute name repeated in class pattern: {}", k.attr.id),
                        other.pattern.range(),
                    ));
                }
            }
        }
        self.compile_expr(&c.cls)?;
        let names: Vec<Constant> = kws.iter().map(|k| Constant::Str(Rc::from(k.attr.id.as_str()))).collect();
        self.load_const(Constant::Tuple(Rc::from(names)));
        self.emit(Opcode::MatchClass, nargs as u32);
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse, loc);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all: Vec<&'a Pattern> = args.iter().chain(kws.iter().map(|k| &k.pattern)).collect();
        for q in all {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.compile_subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc;
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let aloc = self.pos(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_at(Opcode::Copy, 1, aloc);
            self.compile_pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", o.range));
                }
                Some(ctrl) => {
                    let ctrl = ctrl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names", o.range));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1, aloc);
                            }
                        }
                    }
                }
            }
            self.emit_jump_at(Opcode::Jump, end, aloc);
            self.emit_and_reset_fail_pop(pc, aloc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit_at(Opcode::PopTop, 0, loc);
        self.jump_to_fail_pop(pc, Opcode::Jump, loc);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots, loc);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), o.range));
            }
            pc.stores.push(name);
        }
        self.emit_at(Opcode::PopTop, 0, loc);
        Ok(())
    }
}
