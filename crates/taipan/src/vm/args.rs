//! Call arguments and declarative argument parsing for native functions.
//!
//! `Args` is CPython's vectorcall convention: one slice of values, positional first,
//! then the values of the keyword arguments named by `kwnames`.  `Sig` plays the role of
//! Argument Clinic: a native function declares its parameters once and `Sig::parse`
//! produces them in order, raising CPython's TypeErrors for bad calls.

use super::{type_error, PyResult};
use crate::objects::str as pystr;
use crate::runtime::value::Value;

#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional values followed by keyword values.
    pub values: &'a [Value],
    /// Names (str) of the trailing keyword values.
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }
    pub fn with_kw(values: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        Args { values, kwnames }
    }
    #[inline]
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }
    #[inline]
    pub fn kw_values(&self) -> &'a [Value] {
        &self.values[self.values.len() - self.kwnames.len()..]
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// `(name, value)` pairs of the keyword arguments.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a Value, &'a Value)> {
        self.kwnames.iter().zip(self.kw_values().iter())
    }
    /// The arguments without the first positional one (the bound `self`).
    pub fn shift(&self) -> Args<'a> {
        Args { values: &self.values[1..], kwnames: self.kwnames }
    }

    /// Checks that no keyword arguments were passed.
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(type_error(format!("{fname}() takes no keyword arguments")))
        }
    }

    /// Positional-only arguments between `min` and `max` (inclusive), no keywords.
    /// Messages follow CPython's `_PyArg_CheckPositional`.
    pub fn check(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(fname)?;
        let pos = self.positional();
        let n = pos.len();
        if n < min || n > max {
            return Err(arity_error(fname, min, max, n));
        }
        Ok(pos)
    }

    /// Exactly `N` positional arguments.
    pub fn exact<const N: usize>(&self, fname: &str) -> PyResult<&'a [Value; N]> {
        let pos = self.check(fname, N, N)?;
        Ok(pos.try_into().expect("length checked"))
    }

    /// The bound `self` of a method and the arguments after it.
    fn split_self(&self, qualname: &str) -> PyResult<(&'a Value, Args<'a>)> {
        match self.values.first() {
            Some(this) if self.values.len() > self.kwnames.len() => Ok((this, self.shift())),
            _ => Err(type_error(format!("unbound method {qualname}() needs an argument"))),
        }
    }

    /// A `METH_NOARGS` method (`qualname` is `type.name`): only `self`.
    pub fn noargs(&self, qualname: &str) -> PyResult<&'a Value> {
        let (this, rest) = self.split_self(qualname)?;
        if rest.has_kwargs() {
            return Err(type_error(format!("{qualname}() takes no keyword arguments")));
        }
        let n = rest.values.len();
        if n != 0 {
            return Err(type_error(format!("{qualname}() takes no arguments ({n} given)")));
        }
        Ok(this)
    }

    /// A `METH_O` method (`qualname` is `type.name`): `self` and one argument.
    pub fn one_arg(&self, qualname: &str) -> PyResult<(&'a Value, &'a Value)> {
        let (this, rest) = self.split_self(qualname)?;
        if rest.has_kwargs() {
            return Err(type_error(format!("{qualname}() takes no keyword arguments")));
        }
        match rest.values {
            [x] => Ok((this, x)),
            other => Err(type_error(format!("{qualname}() takes exactly one argument ({} given)", other.len()))),
        }
    }

    /// A method with `min..=max` positional-only arguments after `self`, checked with
    /// the message of CPython's calling convention for that count (`noargs`,
    /// `one_arg`, `method`); returns all positional values, `self` first.
    pub fn method_all(&self, qualname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        match (min, max) {
            (0, 0) => {
                self.noargs(qualname)?;
            }
            (1, 1) => {
                self.one_arg(qualname)?;
            }
            _ => {
                self.method(qualname, min, max)?;
            }
        }
        Ok(self.positional())
    }

    /// `method_all` for exactly `N - 1` arguments after `self`.
    pub fn exact_method<const N: usize>(&self, qualname: &str) -> PyResult<&'a [Value; N]> {
        let pos = self.method_all(qualname, N.saturating_sub(1), N.saturating_sub(1))?;
        pos.try_into().map_err(|_| type_error(format!("unbound method {qualname}() needs an argument")))
    }

    /// An Argument Clinic method with positional-only parameters: `self`, then
    /// `min..=max` arguments; arity errors name `qualname`'s last part, as CPython's
    /// `_PyArg_CheckPositional` does.
    pub fn method(&self, qualname: &str, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
        let (this, rest) = self.split_self(qualname)?;
        if rest.has_kwargs() {
            return Err(type_error(format!("{qualname}() takes no keyword arguments")));
        }
        let n = rest.values.len();
        if n < min || n > max {
            let fname = qualname.rsplit('.').next().unwrap_or(qualname);
            return Err(arity_error(fname, min, max, n));
        }
        Ok((this, rest.values))
    }
}

pub fn arity_error(fname: &str, min: usize, max: usize, n: usize) -> super::PyErr {
    if min == max {
        if min == 0 {
            return type_error(format!("{fname}() takes no arguments ({n} given)"));
        }
        if min == 1 {
            return type_error(format!("{fname}() takes exactly one argument ({n} given)"));
        }
        return type_error(format!("{fname} expected {min} arguments, got {n}"));
    }
    if n < min {
        type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        ))
    } else {
        type_error(format!(
            "{fname} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        ))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamKind {
    PositionalOnly,
    PositionalOrKeyword,
    KeywordOnly,
}

#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: &'static str,
    pub kind: ParamKind,
    pub required: bool,
}

/// Required positional-only parameter.
pub const fn po(name: &'static str) -> Param {
    Param { name, kind: ParamKind::PositionalOnly, required: true }
}
/// Optional positional-only parameter.
pub const fn po_opt(name: &'static str) -> Param {
    Param { name, kind: ParamKind::PositionalOnly, required: false }
}
/// Required positional-or-keyword parameter.
pub const fn p(name: &'static str) -> Param {
    Param { name, kind: ParamKind::PositionalOrKeyword, required: true }
}
/// Optional positional-or-keyword parameter.
pub const fn opt(name: &'static str) -> Param {
    Param { name, kind: ParamKind::PositionalOrKeyword, required: false }
}
/// Optional keyword-only parameter.
pub const fn kw(name: &'static str) -> Param {
    Param { name, kind: ParamKind::KeywordOnly, required: false }
}
/// Required keyword-only parameter.
pub const fn kw_req(name: &'static str) -> Param {
    Param { name, kind: ParamKind::KeywordOnly, required: true }
}

/// A native function's signature.
pub struct Sig {
    pub fname: &'static str,
    pub params: &'static [Param],
}

impl Sig {
    pub const fn new(fname: &'static str, params: &'static [Param]) -> Sig {
        Sig { fname, params }
    }

    /// Binds `args` to the parameters; `N` must equal `params.len()`.
    ///
    /// Messages are Argument Clinic's (`_PyArg_UnpackKeywords` and
    /// `error_unexpected_keyword_arg` in `Python/getargs.c`). Leading positional-only
    /// parameters named `self` or `cls` are the bound receiver: they are bound like the
    /// others but not counted in the messages.
    pub fn parse<const N: usize>(&self, args: Args) -> PyResult<[Option<Value>; N]> {
        debug_assert_eq!(N, self.params.len());
        let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
        let pos = args.positional();
        let bound = self
            .params
            .iter()
            .take_while(|p| p.kind == ParamKind::PositionalOnly && matches!(p.name, "self" | "cls"))
            .count()
            .min(pos.len());
        let f = self.fname;
        let counted = &self.params[bound..];
        let nargs = pos.len() - bound;
        let nkw = args.kwnames.len();
        let maxargs = counted.len();
        let maxpos = counted.iter().filter(|p| p.kind != ParamKind::KeywordOnly).count();
        let minpos = counted.iter().filter(|p| p.kind != ParamKind::KeywordOnly && p.required).count();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if !counted.is_empty() && counted.iter().all(|p| p.kind == ParamKind::PositionalOnly) {
            // Clinic checks positional-only signatures with _PyArg_CheckPositional.
            if nkw > 0 {
                return Err(type_error(format!("{f}() takes no keyword arguments")));
            }
            if nargs < minpos || nargs > maxpos {
                return Err(arity_error(f, minpos, maxpos, nargs));
            }
        }
        if nargs + nkw > maxargs {
            return Err(type_error(format!(
                "{f}() takes at most {maxargs} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(maxargs),
                nargs + nkw
            )));
        }
        if nargs > maxpos {
            if maxpos == 0 {
                return Err(type_error(format!("{f}() takes no positional arguments")));
            }
            return Err(type_error(format!(
                "{f}() takes {} {maxpos} positional argument{} ({nargs} given)",
                if minpos < maxpos { "at most" } else { "exactly" },
                plural(maxpos)
            )));
        }
        let min_posonly = counted.iter().filter(|p| p.kind == ParamKind::PositionalOnly && p.required).count();
        if nargs < min_posonly {
            return Err(type_error(format!(
                "{f}() takes {} {min_posonly} positional argument{} ({nargs} given)",
                if min_posonly < maxpos { "at least" } else { "exactly" },
                plural(min_posonly)
            )));
        }
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        // Keywords bind first; a keyword naming an already-bound or unknown parameter
        // is reported only after missing required arguments, as CPython does.
        let mut bad_keyword: Option<super::PyErr> = None;
        for (name, value) in args.kwargs() {
            let name_s = pystr::as_str(name).unwrap_or("");
            let idx = self.params.iter().position(|p| p.name == name_s && p.kind != ParamKind::PositionalOnly);
            match idx {
                Some(i) if out[i].is_none() => out[i] = Some(value.clone()),
                Some(i) => {
                    bad_keyword.get_or_insert_with(|| {
                        type_error(format!(
                            "argument for {f}() given by name ('{name_s}') and position ({})",
                            i + 1 - bound
                        ))
                    });
                }
                None => {
                    let candidates: Vec<String> = counted
                        .iter()
                        .filter(|p| p.kind != ParamKind::PositionalOnly)
                        .map(|p| p.name.to_string())
                        .collect();
                    let hint = super::suggestions::closest(&candidates, name_s)
                        .map(|s| format!(". Did you mean '{s}'?"))
                        .unwrap_or_default();
                    bad_keyword.get_or_insert_with(|| {
                        type_error(format!("{f}() got an unexpected keyword argument '{name_s}'{hint}"))
                    });
                }
            }
        }
        for (i, param) in self.params.iter().enumerate() {
            if param.required && out[i].is_none() {
                if param.kind == ParamKind::KeywordOnly {
                    return Err(type_error(format!(
                        "{}() missing required keyword-only argument: '{}'",
                        self.fname, param.name
                    )));
                }
                return Err(type_error(format!(
                    "{}() missing required argument '{}' (pos {})",
                    self.fname,
                    param.name,
                    i + 1 - bound
                )));
            }
        }
        if let Some(e) = bad_keyword {
            return Err(e);
        }
        Ok(out)
    }
}
