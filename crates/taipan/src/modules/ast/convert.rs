//! The compiler's parse tree (ruff's AST) as `ast` node objects: CPython's `ast2obj_*`
//! functions in `Python/Python-ast.c`, plus the places where the two trees differ
//! (`elif` chains, f-string parts, decorated definitions' positions, generator
//! arguments).
//!
//! Positions are CPython's: `lineno`/`end_lineno` count from 1, `col_offset` and
//! `end_col_offset` are UTF-8 byte offsets from the start of the line.

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt, StringFlags};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::AstState;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::object::PyBaseObject;
use crate::objects::singletons::{bool_value, ellipsis, none};
use crate::objects::str::{intern, new_str};
use crate::objects::typeobject::as_type;
use crate::runtime::heap::{self, ObjectHead};
use crate::runtime::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Nesting beyond this raises RecursionError instead of exhausting the native stack.
const MAX_DEPTH: usize = 4000;

struct Conv<'a> {
    st: &'a AstState,
    src: &'a str,
    /// Byte offset of the start of each line.
    lines: Vec<u32>,
    depth: usize,
    max_depth: usize,
    /// `# type:` comments, when `PyCF_TYPE_COMMENTS` is set.
    tc: Option<TypeComments>,
    /// For the parameters being converted: (start, end with default, next start).
    arg_windows: Vec<(TextSize, TextSize, TextSize)>,
}

fn line_starts(src: &str) -> Vec<u32> {
    let b = src.as_bytes();
    let mut starts = vec![0u32];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => starts.push(i as u32 + 1),
            b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

fn recursion_error() -> PyErr {
    PyErr::new(&crate::objects::exceptions::RECURSION_ERROR, "maximum recursion depth exceeded during ast construction")
}

type R = PyResult<Value>;

fn list(items: Vec<Value>) -> Value {
    PyList::new_value(items)
}

fn opt_ident(i: &Option<ast::Identifier>) -> Value {
    match i {
        Some(i) => intern(i.id.as_str()),
        None => none(),
    }
}

fn ident(i: &ast::Identifier) -> Value {
    intern(i.id.as_str())
}

fn parse_int_text(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (digits, radix) = match t.get(..2) {
        Some("0x") => (&t[2..], 16),
        Some("0o") => (&t[2..], 8),
        Some("0b") => (&t[2..], 2),
        _ => (t.as_str(), 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl<'a> Conv<'a> {
    fn pos(&self, off: TextSize) -> (i64, i64) {
        let off = off.to_u32();
        let line = match self.lines.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as i64 + 1, (off - self.lines[line]) as i64)
    }

    /// A node of class `name` with its fields in `_fields` order and, for classes with
    /// positions, the location of `range`.
    fn node(&self, name: &str, fields: Vec<Value>, range: Option<TextRange>) -> Value {
        let cls = self.st.class(name);
        let ty = as_type(cls).unwrap_or(&super::AST_TYPE);
        let obj = heap::alloc(ty, PyBaseObject { head: ObjectHead::uninit() });
        if let Some(d) = crate::objects::object::instance_dict(&obj) {
            let def = self.st.def(name);
            for ((fname, _, _), v) in def.fields.iter().zip(fields) {
                PyDict::set_str(&d, fname, v);
            }
            if let Some(r) = range {
                let (l, c) = self.pos(r.start());
                let (el, ec) = self.pos(r.end());
                PyDict::set_str(&d, "lineno", new_int(l));
                PyDict::set_str(&d, "col_offset", new_int(c));
                PyDict::set_str(&d, "end_lineno", new_int(el));
                PyDict::set_str(&d, "end_col_offset", new_int(ec));
            }
        }
        obj
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        if self.depth > MAX_DEPTH {
            return Err(recursion_error());
        }
        Ok(())
    }

    // ---- statements ---------------------------------------------------------------------

    fn stmts(&mut self, body: &[Stmt]) -> R {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            out.push(self.stmt(s)?);
        }
        Ok(list(out))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        self.enter()?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    /// Where a definition starts: its `def`/`async`/`class` keyword, not its first
    /// decorator (CPython's positions since 3.8).
    fn def_start(&self, range: TextRange, name: &ast::Identifier, keywords: &[&str]) -> TextRange {
        let b = self.src.as_bytes();
        let mut p = name.range.start().to_usize();
        for kw in keywords {
            while p > 0 && matches!(b[p - 1], b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\') {
                p -= 1;
            }
            if p >= kw.len() && &b[p - kw.len()..p] == kw.as_bytes() {
                p -= kw.len();
            } else {
                return range;
            }
        }
        TextRange::new(TextSize::from(p as u32), range.end())
    }

    /// The offset of the end of the line holding `off`.
    fn line_end(&self, off: TextSize) -> TextSize {
        let rest = &self.src.as_bytes()[off.to_usize().min(self.src.len())..];
        let n = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
        off + TextSize::from(n as u32)
    }

    /// The first unused `# type:` comment in `lo..hi` (on the line of `lo` when
    /// `same_line`), as a str, or None.
    fn type_comment(&mut self, lo: TextSize, hi: TextSize, same_line: bool) -> Value {
        let line = self.pos(lo).0;
        let Some(tc) = &self.tc else { return none() };
        for c in &tc.comments {
            if c.used.get() || c.range.start() < lo || c.range.start() >= hi {
                continue;
            }
            let (l, _) = {
                let off = c.range.start().to_u32();
                let i = match self.lines.binary_search(&off) {
                    Ok(i) => i,
                    Err(i) => i - 1,
                };
                (i as i64 + 1, 0)
            };
            if same_line && l != line {
                continue;
            }
            c.used.set(true);
            return new_str(&c.text);
        }
        none()
    }

    /// A block ends at its last token, which is the `;` when its last statement has one
    /// (CPython's `_PyPegen_get_last_nonnwhitespace_token`).
    fn block_end(&self, range: TextRange) -> TextRange {
        let b = self.src.as_bytes();
        let mut p = range.end().to_usize();
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\x0c') {
            p += 1;
        }
        if b.get(p) == Some(&b';') {
            return TextRange::new(range.start(), TextSize::from(p as u32 + 1));
        }
        range
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        let r = match s {
            Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::If(_)
            | Stmt::With(_)
            | Stmt::Match(_)
            | Stmt::Try(_) => Some(self.block_end(s.range())),
            _ => Some(s.range()),
        };
        Ok(match s {
            Stmt::FunctionDef(f) => {
                let kws: &[&str] = if f.is_async { &["def", "async"] } else { &["def"] };
                let range = self.def_start(self.block_end(f.range), &f.name, kws);
                let header_end = f.returns.as_ref().map(|r| r.range().end()).unwrap_or(f.parameters.range.end());
                let type_comment = self.type_comment(header_end, body_start(&f.body, f.range), false);
                let fields = vec![
                    ident(&f.name),
                    self.parameters(Some(&f.parameters))?,
                    self.stmts(&f.body)?,
                    self.decorators(&f.decorator_list)?,
                    self.opt_expr(f.returns.as_deref())?,
                    type_comment,
                    self.type_params(f.type_params.as_deref())?,
                ];
                self.node(if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" }, fields, Some(range))
            }
            Stmt::ClassDef(c) => {
                let range = self.def_start(self.block_end(c.range), &c.name, &["class"]);
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (list(vec![]), list(vec![])),
                };
                let fields = vec![
                    ident(&c.name),
                    bases,
                    keywords,
                    self.stmts(&c.body)?,
                    self.decorators(&c.decorator_list)?,
                    self.type_params(c.type_params.as_deref())?,
                ];
                self.node("ClassDef", fields, Some(range))
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Return", vec![v], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(&x.targets)?;
                self.node("Delete", vec![t], r)
            }
            Stmt::TypeAlias(x) => {
                let fields = vec![self.expr(&x.name)?, self.type_params(x.type_params.as_deref())?, self.expr(&x.value)?];
                self.node("TypeAlias", fields, r)
            }
            Stmt::Assign(x) => {
                let type_comment = self.type_comment(x.range.end(), self.line_end(x.range.end()), true);
                let fields = vec![self.exprs(&x.targets)?, self.expr(&x.value)?, type_comment];
                self.node("Assign", fields, r)
            }
            Stmt::AugAssign(x) => {
                let fields = vec![self.expr(&x.target)?, self.operator(x.op), self.expr(&x.value)?];
                self.node("AugAssign", fields, r)
            }
            Stmt::AnnAssign(x) => {
                let fields = vec![
                    self.expr(&x.target)?,
                    self.expr(&x.annotation)?,
                    self.opt_expr(x.value.as_deref())?,
                    new_int(x.simple as i64),
                ];
                self.node("AnnAssign", fields, r)
            }
            Stmt::For(x) => {
                let type_comment = self.type_comment(x.iter.range().end(), body_start(&x.body, x.range), true);
                let fields = vec![
                    self.expr(&x.target)?,
                    self.expr(&x.iter)?,
                    self.stmts(&x.body)?,
                    self.stmts(&x.orelse)?,
                    type_comment,
                ];
                self.node(if x.is_async { "AsyncFor" } else { "For" }, fields, r)
            }
            Stmt::While(x) => {
                let fields = vec![self.expr(&x.test)?, self.stmts(&x.body)?, self.stmts(&x.orelse)?];
                self.node("While", fields, r)
            }
            Stmt::If(x) => {
                // `elif` clauses are nested Ifs in `orelse`, each starting at its keyword.
                let end = self.block_end(x.range).end();
                let mut orelse = list(vec![]);
                for clause in x.elif_else_clauses.iter().rev() {
                    let body = self.stmts(&clause.body)?;
                    orelse = match &clause.test {
                        None => body,
                        Some(test) => {
                            let test = self.expr(test)?;
                            let range = TextRange::new(clause.range.start(), end);
                            list(vec![self.node("If", vec![test, body, orelse], Some(range))])
                        }
                    };
                }
                let fields = vec![self.expr(&x.test)?, self.stmts(&x.body)?, orelse];
                self.node("If", fields, r)
            }
            Stmt::With(x) => {
                let mut items = Vec::new();
                for it in &x.items {
                    let fields = vec![self.expr(&it.context_expr)?, self.opt_expr(it.optional_vars.as_deref())?];
                    items.push(self.node("withitem", fields, None));
                }
                let header_end = x.items.last().map(|i| i.range.end()).unwrap_or(x.range.start());
                let type_comment = self.type_comment(header_end, body_start(&x.body, x.range), true);
                let fields = vec![list(items), self.stmts(&x.body)?, type_comment];
                self.node(if x.is_async { "AsyncWith" } else { "With" }, fields, r)
            }
            Stmt::Match(x) => {
                let mut cases = Vec::new();
                for c in &x.cases {
                    let fields = vec![self.pattern(&c.pattern)?, self.opt_expr(c.guard.as_deref())?, self.stmts(&c.body)?];
                    cases.push(self.node("match_case", fields, None));
                }
                let fields = vec![self.expr(&x.subject)?, list(cases)];
                self.node("Match", fields, r)
            }
            Stmt::Raise(x) => {
                let fields = vec![self.opt_expr(x.exc.as_deref())?, self.opt_expr(x.cause.as_deref())?];
                self.node("Raise", fields, r)
            }
            Stmt::Try(x) => {
                let mut handlers = Vec::new();
                for h in &x.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let fields = vec![self.opt_expr(h.type_.as_deref())?, opt_ident(&h.name), self.stmts(&h.body)?];
                    handlers.push(self.node("ExceptHandler", fields, Some(self.block_end(h.range))));
                }
                let fields = vec![self.stmts(&x.body)?, list(handlers), self.stmts(&x.orelse)?, self.stmts(&x.finalbody)?];
                self.node(if x.is_star { "TryStar" } else { "Try" }, fields, r)
            }
            Stmt::Assert(x) => {
                let fields = vec![self.expr(&x.test)?, self.opt_expr(x.msg.as_deref())?];
                self.node("Assert", fields, r)
            }
            Stmt::Import(x) => {
                let names = self.aliases(&x.names);
                self.node("Import", vec![names], r)
            }
            Stmt::ImportFrom(x) => {
                let fields = vec![opt_ident(&x.module), self.aliases(&x.names), new_int(x.level as i64)];
                self.node("ImportFrom", fields, r)
            }
            Stmt::Global(x) => {
                let names = list(x.names.iter().map(ident).collect());
                self.node("Global", vec![names], r)
            }
            Stmt::Nonlocal(x) => {
                let names = list(x.names.iter().map(ident).collect());
                self.node("Nonlocal", vec![names], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(&x.value)?;
                self.node("Expr", vec![v], r)
            }
            Stmt::Pass(_) => self.node("Pass", vec![], r),
            Stmt::Break(_) => self.node("Break", vec![], r),
            Stmt::Continue(_) => self.node("Continue", vec![], r),
            Stmt::IpyEscapeCommand(_) => return Err(invalid_syntax()),
        })
    }

    fn aliases(&self, names: &[ast::Alias]) -> Value {
        list(names.iter().map(|a| self.node("alias", vec![ident(&a.name), opt_ident(&a.asname)], Some(a.range))).collect())
    }

    fn decorators(&mut self, decos: &[ast::Decorator]) -> R {
        let mut out = Vec::with_capacity(decos.len());
        for d in decos {
            out.push(self.expr(&d.expression)?);
        }
        Ok(list(out))
    }

    fn type_params(&mut self, tp: Option<&ast::TypeParams>) -> R {
        let mut out = Vec::new();
        for p in tp.map(|t| t.type_params.as_slice()).unwrap_or(&[]) {
            out.push(match p {
                ast::TypeParam::TypeVar(t) => {
                    let fields = vec![ident(&t.name), self.opt_expr(t.bound.as_deref())?, self.opt_expr(t.default.as_deref())?];
                    self.node("TypeVar", fields, Some(t.range))
                }
                ast::TypeParam::ParamSpec(t) => {
                    let fields = vec![ident(&t.name), self.opt_expr(t.default.as_deref())?];
                    self.node("ParamSpec", fields, Some(t.range))
                }
                ast::TypeParam::TypeVarTuple(t) => {
                    let fields = vec![ident(&t.name), self.opt_expr(t.default.as_deref())?];
                    self.node("TypeVarTuple", fields, Some(t.range))
                }
            });
        }
        Ok(list(out))
    }

    /// An `arg`; for `*args` and `**kwargs` its position starts at the name.
    fn arg(&mut self, p: &ast::Parameter) -> R {
        let type_comment = match self.arg_windows.iter().find(|w| w.0 == p.range.start()) {
            Some(&(_, lo, hi)) => self.type_comment(lo, hi, false),
            None => none(),
        };
        let fields = vec![ident(&p.name), self.opt_expr(p.annotation.as_deref())?, type_comment];
        Ok(self.node("arg", fields, Some(TextRange::new(p.name.range.start(), p.range.end()))))
    }

    fn opt_arg(&mut self, p: Option<&ast::Parameter>) -> R {
        match p {
            Some(p) => self.arg(p),
            None => Ok(none()),
        }
    }

    fn parameters(&mut self, params: Option<&ast::Parameters>) -> R {
        let Some(p) = params else {
            let empty = || list(vec![]);
            return Ok(self.node("arguments", vec![empty(), empty(), none(), empty(), empty(), none(), empty()], None));
        };
        if self.tc.is_some() {
            let mut items: Vec<(TextSize, TextSize)> = Vec::new();
            for pd in p.posonlyargs.iter().chain(&p.args) {
                items.push((pd.parameter.range.start(), pd.range.end()));
            }
            if let Some(v) = &p.vararg {
                items.push((v.range.start(), v.range.end()));
            }
            for pd in &p.kwonlyargs {
                items.push((pd.parameter.range.start(), pd.range.end()));
            }
            if let Some(k) = &p.kwarg {
                items.push((k.range.start(), k.range.end()));
            }
            items.sort();
            self.arg_windows = (0..items.len())
                .map(|i| (items[i].0, items[i].1, items.get(i + 1).map(|n| n.0).unwrap_or(p.range.end())))
                .collect();
        }
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        for pd in &p.posonlyargs {
            posonly.push(self.arg(&pd.parameter)?);
            if let Some(d) = &pd.default {
                defaults.push(self.expr(d)?);
            }
        }
        for pd in &p.args {
            args.push(self.arg(&pd.parameter)?);
            if let Some(d) = &pd.default {
                defaults.push(self.expr(d)?);
            }
        }
        let vararg = self.opt_arg(p.vararg.as_deref())?;
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        for pd in &p.kwonlyargs {
            kwonly.push(self.arg(&pd.parameter)?);
            kw_defaults.push(self.opt_expr(pd.default.as_deref())?);
        }
        let kwarg = self.opt_arg(p.kwarg.as_deref())?;
        let fields = vec![list(posonly), list(args), vararg, list(kwonly), list(kw_defaults), kwarg, list(defaults)];
        Ok(self.node("arguments", fields, None))
    }

    fn keywords(&mut self, kws: &[ast::Keyword]) -> R {
        let mut out = Vec::with_capacity(kws.len());
        for k in kws {
            let fields = vec![opt_ident(&k.arg), self.expr(&k.value)?];
            out.push(self.node("keyword", fields, Some(k.range)));
        }
        Ok(list(out))
    }

    // ---- patterns -----------------------------------------------------------------------

    fn patterns(&mut self, ps: &[Pattern]) -> R {
        let mut out = Vec::with_capacity(ps.len());
        for p in ps {
            out.push(self.pattern(p)?);
        }
        Ok(list(out))
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        self.enter()?;
        let r = Some(p.range());
        let v = match p {
            Pattern::MatchValue(x) => {
                let v = self.expr(&x.value)?;
                self.node("MatchValue", vec![v], r)
            }
            Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ast::Singleton::None => none(),
                    ast::Singleton::True => bool_value(true),
                    ast::Singleton::False => bool_value(false),
                };
                self.node("MatchSingleton", vec![v], r)
            }
            Pattern::MatchSequence(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchSequence", vec![ps], r)
            }
            Pattern::MatchMapping(x) => {
                let fields = vec![self.exprs(&x.keys)?, self.patterns(&x.patterns)?, opt_ident(&x.rest)];
                self.node("MatchMapping", fields, r)
            }
            Pattern::MatchClass(x) => {
                let attrs = list(x.arguments.keywords.iter().map(|k| ident(&k.attr)).collect());
                let mut kwd_patterns = Vec::new();
                for k in &x.arguments.keywords {
                    kwd_patterns.push(self.pattern(&k.pattern)?);
                }
                let fields = vec![self.expr(&x.cls)?, self.patterns(&x.arguments.patterns)?, attrs, list(kwd_patterns)];
                self.node("MatchClass", fields, r)
            }
            Pattern::MatchStar(x) => self.node("MatchStar", vec![opt_ident(&x.name)], r),
            Pattern::MatchAs(x) => {
                let pat = match &x.pattern {
                    Some(p) => self.pattern(p)?,
                    None => none(),
                };
                self.node("MatchAs", vec![pat, opt_ident(&x.name)], r)
            }
            Pattern::MatchOr(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchOr", vec![ps], r)
            }
        };
        self.depth -= 1;
        Ok(v)
    }

    // ---- expressions --------------------------------------------------------------------

    fn exprs(&mut self, es: &[Expr]) -> R {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.expr(e)?);
        }
        Ok(list(out))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> R {
        match e {
            Some(e) => self.expr(e),
            None => Ok(none()),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        self.expr_at(e, e.range())
    }

    fn expr_at(&mut self, e: &Expr, range: TextRange) -> R {
        self.enter()?;
        let r = self.expr_inner(e, Some(range));
        self.depth -= 1;
        r
    }

    fn ctx(&self, c: ast::ExprContext) -> Value {
        self.st.singleton(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            _ => "Load",
        })
    }

    fn operator(&self, op: ast::Operator) -> Value {
        use ast::Operator::*;
        self.st.singleton(match op {
            Add => "Add",
            Sub => "Sub",
            Mult => "Mult",
            MatMult => "MatMult",
            Div => "Div",
            Mod => "Mod",
            Pow => "Pow",
            LShift => "LShift",
            RShift => "RShift",
            BitOr => "BitOr",
            BitXor => "BitXor",
            BitAnd => "BitAnd",
            FloorDiv => "FloorDiv",
        })
    }

    fn cmpop(&self, op: ast::CmpOp) -> Value {
        use ast::CmpOp::*;
        self.st.singleton(match op {
            Eq => "Eq",
            NotEq => "NotEq",
            Lt => "Lt",
            LtE => "LtE",
            Gt => "Gt",
            GtE => "GtE",
            Is => "Is",
            IsNot => "IsNot",
            In => "In",
            NotIn => "NotIn",
        })
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> R {
        let mut out = Vec::with_capacity(gens.len());
        for g in gens {
            let fields = vec![self.expr(&g.target)?, self.expr(&g.iter)?, self.exprs(&g.ifs)?, new_int(g.is_async as i64)];
            out.push(self.node("comprehension", fields, None));
        }
        Ok(list(out))
    }

    fn constant(&self, v: Value, kind: Value, r: Option<TextRange>) -> Value {
        self.node("Constant", vec![v, kind], r)
    }

    fn expr_inner(&mut self, e: &Expr, r: Option<TextRange>) -> R {
        Ok(match e {
            Expr::BoolOp(x) => {
                let op = self.st.singleton(match x.op {
                    ast::BoolOp::And => "And",
                    ast::BoolOp::Or => "Or",
                });
                let values = self.exprs(&x.values)?;
                self.node("BoolOp", vec![op, values], r)
            }
            Expr::Named(x) => {
                let fields = vec![self.expr(&x.target)?, self.expr(&x.value)?];
                self.node("NamedExpr", fields, r)
            }
            Expr::BinOp(x) => {
                let fields = vec![self.expr(&x.left)?, self.operator(x.op), self.expr(&x.right)?];
                self.node("BinOp", fields, r)
            }
            Expr::UnaryOp(x) => {
                let op = self.st.singleton(match x.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                });
                let operand = self.expr(&x.operand)?;
                self.node("UnaryOp", vec![op, operand], r)
            }
            Expr::Lambda(x) => {
                let fields = vec![self.parameters(x.parameters.as_deref())?, self.expr(&x.body)?];
                self.node("Lambda", fields, r)
            }
            Expr::If(x) => {
                let fields = vec![self.expr(&x.test)?, self.expr(&x.body)?, self.expr(&x.orelse)?];
                self.node("IfExp", fields, r)
            }
            Expr::Dict(x) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for item in &x.items {
                    keys.push(self.opt_expr(item.key.as_ref())?);
                    values.push(self.expr(&item.value)?);
                }
                self.node("Dict", vec![list(keys), list(values)], r)
            }
            Expr::Set(x) => {
                let elts = self.exprs(&x.elts)?;
                self.node("Set", vec![elts], r)
            }
            Expr::ListComp(x) => {
                let fields = vec![self.expr(&x.elt)?, self.comprehensions(&x.generators)?];
                self.node("ListComp", fields, r)
            }
            Expr::SetComp(x) => {
                let fields = vec![self.expr(&x.elt)?, self.comprehensions(&x.generators)?];
                self.node("SetComp", fields, r)
            }
            Expr::DictComp(x) => {
                let key = match &x.key {
                    Some(k) => self.expr(k)?,
                    None => return Err(invalid_syntax()),
                };
                let fields = vec![key, self.expr(&x.value)?, self.comprehensions(&x.generators)?];
                self.node("DictComp", fields, r)
            }
            Expr::Generator(x) => {
                let fields = vec![self.expr(&x.elt)?, self.comprehensions(&x.generators)?];
                self.node("GeneratorExp", fields, r)
            }
            Expr::Await(x) => {
                let v = self.expr(&x.value)?;
                self.node("Await", vec![v], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Yield", vec![v], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(&x.value)?;
                self.node("YieldFrom", vec![v], r)
            }
            Expr::Compare(x) => {
                let ops = list(x.ops.iter().map(|o| self.cmpop(*o)).collect());
                let fields = vec![self.expr(&x.left)?, ops, self.exprs(&x.comparators)?];
                self.node("Compare", fields, r)
            }
            Expr::Call(x) => {
                let func = self.expr(&x.func)?;
                let a = &x.arguments;
                let args = match (&*a.args, a.keywords.is_empty()) {
                    // `f(x for x in y)`: the generator expression spans the call's parentheses.
                    ([Expr::Generator(g)], true) if !g.parenthesized => list(vec![self.expr_at(&a.args[0], a.range)?]),
                    _ => self.exprs(&a.args)?,
                };
                let keywords = self.keywords(&a.keywords)?;
                self.node("Call", vec![func, args, keywords], r)
            }
            Expr::FString(x) => self.fstring(x, r)?,
            Expr::StringLiteral(x) => {
                let mut text = String::new();
                for part in x.value.iter() {
                    match self.surrogate_literal(part)? {
                        Some(decoded) => text.push_str(&decoded),
                        None => text.push_str(&part.value),
                    }
                }
                let kind = match x.value.iter().next() {
                    Some(p) if matches!(p.flags.prefix(), ast::str_prefix::StringLiteralPrefix::Unicode) => new_str("u"),
                    _ => none(),
                };
                self.constant(new_str(&text), kind, r)
            }
            Expr::BytesLiteral(x) => {
                let bytes: Vec<u8> = x.value.bytes().collect();
                self.constant(crate::objects::bytes::new_bytes(bytes), none(), r)
            }
            Expr::NumberLiteral(x) => {
                let v = match &x.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => new_int(v),
                        None => match parse_int_text(&i.to_string()) {
                            Some(b) => crate::objects::int::new_bigint(b),
                            None => return Err(invalid_syntax()),
                        },
                    },
                    ast::Number::Float(f) => crate::objects::float::new_float(*f),
                    ast::Number::Complex { real, imag } => crate::objects::complex::new_complex(*real, *imag),
                };
                self.constant(v, none(), r)
            }
            Expr::BooleanLiteral(x) => self.constant(bool_value(x.value), none(), r),
            Expr::NoneLiteral(_) => self.constant(none(), none(), r),
            Expr::EllipsisLiteral(_) => self.constant(ellipsis(), none(), r),
            Expr::Attribute(x) => {
                let fields = vec![self.expr(&x.value)?, ident(&x.attr), self.ctx(x.ctx)];
                self.node("Attribute", fields, r)
            }
            Expr::Subscript(x) => {
                let fields = vec![self.expr(&x.value)?, self.expr(&x.slice)?, self.ctx(x.ctx)];
                self.node("Subscript", fields, r)
            }
            Expr::Starred(x) => {
                let fields = vec![self.expr(&x.value)?, self.ctx(x.ctx)];
                self.node("Starred", fields, r)
            }
            Expr::Name(x) => self.node("Name", vec![intern(x.id.as_str()), self.ctx(x.ctx)], r),
            Expr::List(x) => {
                let fields = vec![self.exprs(&x.elts)?, self.ctx(x.ctx)];
                self.node("List", fields, r)
            }
            Expr::Tuple(x) => {
                let fields = vec![self.exprs(&x.elts)?, self.ctx(x.ctx)];
                self.node("Tuple", fields, r)
            }
            Expr::Slice(x) => {
                let fields =
                    vec![self.opt_expr(x.lower.as_deref())?, self.opt_expr(x.upper.as_deref())?, self.opt_expr(x.step.as_deref())?];
                self.node("Slice", fields, r)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => return Err(invalid_syntax()),
        })
    }

    /// The parser replaces a lone-surrogate escape (`'\\ud800'`) with U+FFFD; the
    /// compiler decodes such literals again from their source text (keeping the
    /// surrogate, see the NOTE in `objects/str.rs`), so the literal's own text is
    /// compiled as an expression and its constant taken.
    fn surrogate_literal(&mut self, part: &ast::StringLiteral) -> PyResult<Option<String>> {
        if !part.value.contains('\u{FFFD}') || part.flags.prefix().is_raw() {
            return Ok(None);
        }
        let Some(text) = self.src.get(part.range.start().to_usize()..part.range.end().to_usize()) else { return Ok(None) };
        let opts = taipan_compiler::CompileOptions::default();
        let Ok(code) = taipan_compiler::compile(text, "<ast>", taipan_compiler::Mode::Eval, opts) else { return Ok(None) };
        Ok(code.consts.iter().find_map(|c| match c {
            taipan_compiler::Constant::Str(s) => Some(s.to_string()),
            _ => None,
        }))
    }

    // ---- f-strings ----------------------------------------------------------------------

    /// `JoinedStr`: adjacent literal text (including the text of `{x=}` debug fields and
    /// implicitly concatenated plain strings) becomes one Constant spanning its pieces.
    fn fstring(&mut self, f: &ast::ExprFString, r: Option<TextRange>) -> R {
        let mut parts = FParts::default();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => parts.push_lit(&l.value, l.range),
                ast::FStringPart::FString(fs) => {
                    let quotes = self.fstring_quotes(fs);
                    self.felements(&fs.elements, &mut parts, quotes.as_deref())?
                }
            }
        }
        let values = parts.finish(self);
        Ok(self.node("JoinedStr", vec![list(values)], r))
    }

    /// The quotes of a non-raw f-string, for re-decoding literal text that held a lone
    /// surrogate escape.
    fn fstring_quotes(&self, fs: &ast::FString) -> Option<String> {
        if fs.flags.prefix().is_raw() {
            return None;
        }
        let open = fs.flags.opener_len().to_usize();
        let start = fs.range.start().to_usize();
        let opener = self.src.get(start..start + open)?;
        Some(opener.trim_start_matches(|c: char| c.is_ascii_alphabetic()).to_string())
    }

    /// A literal part of an f-string; one whose lone-surrogate escape the parser replaced
    /// is compiled again as `f<quotes>text<quotes>` (see `surrogate_literal`).
    fn fstring_literal(&self, l: &ast::InterpolatedStringLiteralElement, quotes: Option<&str>) -> Option<String> {
        let q = quotes?;
        if !l.value.contains('\u{FFFD}') {
            return None;
        }
        let text = self.src.get(l.range.start().to_usize()..l.range.end().to_usize())?;
        let code = taipan_compiler::compile(&format!("f{q}{text}{q}"), "<ast>", taipan_compiler::Mode::Eval, Default::default()).ok()?;
        code.consts.iter().find_map(|c| match c {
            taipan_compiler::Constant::Str(s) => Some(s.to_string()),
            _ => None,
        })
    }

    fn felements(&mut self, elements: &ast::InterpolatedStringElements, parts: &mut FParts, quotes: Option<&str>) -> PyResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => match self.fstring_literal(l, quotes) {
                    Some(decoded) => parts.push_lit(&decoded, l.range),
                    None => parts.push_lit(&l.value, l.range),
                },
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        let text = format!("{}{}{}", dbg.leading(), dbg.expression(), dbg.trailing());
                        let start = i.range.start() + TextSize::from(1);
                        let range = TextRange::new(start, start + TextSize::from(text.len() as u32));
                        parts.push_lit(&strip_debug_comments(&text), range);
                    }
                    parts.flush(self);
                    let v = self.formatted_value(i, quotes)?;
                    parts.values.push(v);
                }
            }
        }
        Ok(())
    }

    fn formatted_value(&mut self, i: &ast::InterpolatedElement, quotes: Option<&str>) -> R {
        self.enter()?;
        let value = self.expr(&i.expression)?;
        let conversion = match i.conversion {
            ast::ConversionFlag::Str => b's' as i64,
            ast::ConversionFlag::Repr => b'r' as i64,
            ast::ConversionFlag::Ascii => b'a' as i64,
            ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => b'r' as i64,
            ast::ConversionFlag::None => -1,
        };
        let spec = match &i.format_spec {
            Some(spec) => {
                let mut parts = FParts::default();
                self.felements(&spec.elements, &mut parts, quotes)?;
                let values = parts.finish(self);
                // The spec's position starts at its ':'.
                let start = spec.range.start().checked_sub(TextSize::from(1)).unwrap_or(spec.range.start());
                self.node("JoinedStr", vec![list(values)], Some(TextRange::new(start, spec.range.end())))
            }
            None => none(),
        };
        self.depth -= 1;
        Ok(self.node("FormattedValue", vec![value, new_int(conversion), spec], Some(i.range)))
    }
}

/// The text of a `{expr=}` field loses each line's comment: CPython 3.13 cuts every line
/// at its first `#`, even one inside a string literal.
fn strip_debug_comments(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.find('#') {
            Some(i) => {
                let nl = if line.ends_with('\n') { "\n" } else { "" };
                format!("{}{nl}", &line[..i])
            }
            None => line.to_string(),
        })
        .collect()
}

/// Where a block's first statement starts (the end of the statement when it has none).
fn body_start(body: &[Stmt], range: TextRange) -> TextSize {
    body.first().map(|s| s.range().start()).unwrap_or(range.end())
}

/// One `# type: ...` comment: the range of its text (after `type:` and blanks).
struct TypeComment {
    range: TextRange,
    text: String,
    used: std::cell::Cell<bool>,
}

/// The `# type:` comments of a source (CPython's TYPE_COMMENT and TYPE_IGNORE tokens).
pub(super) struct TypeComments {
    comments: Vec<TypeComment>,
    /// (line, tag) of each `# type: ignore<tag>`.
    ignores: Vec<(i64, String)>,
}

impl TypeComments {
    pub(super) fn scan(src: &str, tokens: &ruff_python_ast::token::Tokens) -> TypeComments {
        let mut comments = Vec::new();
        let mut ignores = Vec::new();
        let lines = line_starts(src);
        for t in tokens.iter() {
            if t.kind() != ruff_python_ast::token::TokenKind::Comment {
                continue;
            }
            let text = &src[t.range().start().to_usize()..t.range().end().to_usize()];
            let Some(rest) = text.strip_prefix('#') else { continue };
            let rest = rest.trim_start_matches([' ', '\t']);
            let Some(rest) = rest.strip_prefix("type:") else { continue };
            let body = rest.trim_start_matches([' ', '\t']);
            let start = t.range().end() - TextSize::from(body.len() as u32);
            if let Some(tag) = body.strip_prefix("ignore") {
                if !tag.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    let off = start.to_u32();
                    let line = match lines.binary_search(&off) {
                        Ok(i) => i,
                        Err(i) => i - 1,
                    };
                    ignores.push((line as i64 + 1, tag.to_string()));
                    continue;
                }
            }
            comments.push(TypeComment { range: TextRange::new(start, t.range().end()), text: body.to_string(), used: Default::default() });
        }
        TypeComments { comments, ignores }
    }
}

/// The values of a JoinedStr being built: pending literal text and its span.
#[derive(Default)]
struct FParts {
    values: Vec<Value>,
    text: String,
    span: Option<TextRange>,
}

impl FParts {
    fn push_lit(&mut self, text: &str, range: TextRange) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        self.span = Some(match self.span {
            Some(s) => TextRange::new(s.start(), range.end()),
            None => range,
        });
    }

    fn flush(&mut self, conv: &Conv) {
        if let Some(span) = self.span.take() {
            let text = std::mem::take(&mut self.text);
            self.values.push(conv.constant(new_str(&text), none(), Some(span)));
        }
    }

    fn finish(mut self, conv: &Conv) -> Vec<Value> {
        self.flush(conv);
        self.values
    }
}

fn invalid_syntax() -> PyErr {
    PyErr::new(&crate::objects::exceptions::SYNTAX_ERROR, "invalid syntax")
}

/// Nesting from which the parse tree is leaked rather than dropped (its recursive drop
/// could exhaust the native stack).
const DEEP: usize = 1000;

/// The AST of a parsed module or expression for `mode`, and whether the tree is deep.
pub(super) fn convert_mod(
    st: &AstState,
    src: &str,
    filename: &str,
    m: &ast::Mod,
    mode: &str,
    tc: Option<TypeComments>,
) -> (R, bool) {
    let mut c = Conv { st, src, lines: line_starts(src), depth: 0, max_depth: 0, tc, arg_windows: Vec::new() };
    let r = convert_mod_inner(&mut c, m, mode).and_then(|tree| {
        // A type comment the grammar has no place for is a syntax error.
        match c.tc.as_ref().and_then(|tc| tc.comments.iter().find(|x| !x.used.get())) {
            Some(x) => Err(misplaced_type_comment(&c, filename, x.range)),
            None => Ok(tree),
        }
    });
    (r, c.max_depth > DEEP)
}

fn misplaced_type_comment(c: &Conv, filename: &str, range: TextRange) -> PyErr {
    let (l, col) = c.pos(range.start());
    let (el, ecol) = c.pos(range.end());
    let start = c.lines[(l - 1) as usize] as usize;
    let end = c.lines.get(l as usize).map(|&e| e as usize).unwrap_or(c.src.len());
    let text = &c.src[start..end];
    let text = if text.ends_with('\n') { text.to_string() } else { format!("{text}\n") };
    let details = crate::objects::tuple::new_tuple(vec![
        new_str(filename),
        new_int(l),
        new_int(col + 1),
        new_str(&text),
        new_int(el),
        new_int(ecol + 1),
    ]);
    PyErr::with_args(&crate::objects::exceptions::SYNTAX_ERROR, vec![new_str("invalid syntax"), details])
}

fn convert_mod_inner(c: &mut Conv, m: &ast::Mod, mode: &str) -> R {
    Ok(match m {
        ast::Mod::Module(module) => {
            let body = c.stmts(&module.body)?;
            if mode == "single" {
                c.node("Interactive", vec![body], None)
            } else {
                let ignores = match &c.tc {
                    Some(tc) => tc.ignores.clone(),
                    None => Vec::new(),
                };
                let ignores = ignores.into_iter().map(|(line, tag)| c.node("TypeIgnore", vec![new_int(line), new_str(&tag)], None)).collect();
                c.node("Module", vec![body, list(ignores)], None)
            }
        }
        ast::Mod::Expression(e) => {
            let body = c.expr(&e.body)?;
            c.node("Expression", vec![body], None)
        }
    })
}

/// `compile(src, filename, 'func_type', PyCF_ONLY_AST)`: `(argtypes) -> returns`.
/// The arrow is replaced by a comma (same length, so positions hold) and the result
/// parsed as a tuple expression.
pub(super) fn func_type(vm: &mut Vm, st: &AstState, source: &str, filename: &str) -> R {
    let mut depth = 0i32;
    let mut arrow = None;
    let b = source.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => {
                arrow = Some(i);
                break;
            }
            _ => {}
        }
    }
    let Some(i) = arrow else {
        return Err(super::syntax_error(vm, source, filename, "eval"));
    };
    let text = format!("{}, {}", &source[..i], &source[i + 2..]);
    let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Expression)
        .with_target_version(ruff_python_ast::PythonVersion::PY313);
    let parsed = ruff_python_parser::parse_unchecked(&text, opts);
    let ok = parsed.errors().is_empty();
    let mut deep = false;
    let result = match (ok, parsed.syntax()) {
        (true, ast::Mod::Expression(e)) => match &*e.body {
            Expr::Tuple(t) if t.elts.len() == 2 && !t.parenthesized => {
                let mut c = Conv { st, src: &text, lines: line_starts(&text), depth: 0, max_depth: 0, tc: None, arg_windows: Vec::new() };
                let argtypes = match &t.elts[0] {
                    Expr::Tuple(a) if a.parenthesized => c.exprs(&a.elts)?,
                    other => list(vec![c.expr(other)?]),
                };
                let returns = c.expr(&t.elts[1])?;
                deep = c.max_depth > DEEP;
                Ok(c.node("FunctionType", vec![argtypes, returns], None))
            }
            _ => Err(invalid_syntax()),
        },
        _ => Err(super::syntax_error(vm, source, filename, "eval")),
    };
    if deep || !ok {
        std::mem::forget(parsed);
    }
    result
}
