//! "Did you mean" hints for NameError / AttributeError / ImportError, as CPython 3.13's
//! `traceback.TracebackException` adds them (`_compute_suggestion_error` and the
//! Levenshtein distance of `Python/suggestions.c`).

use super::Vm;
use crate::objects::exceptions;
use crate::objects::str::as_str;
use crate::runtime::value::Value;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let mut a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    let pre = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    a.drain(..pre);
    b.drain(..pre);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a.truncate(a.len() - post);
    b.truncate(b.len() - post);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(*bc, *ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

pub(crate) fn closest(candidates: &[String], wrong: &str) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong.chars().count() > MAX_STRING_SIZE {
        return None;
    }
    let wl = wrong.chars().count();
    let mut best = wl;
    let mut suggestion: Option<String> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let max_distance = ((c.chars().count() + wl + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = levenshtein(wrong, c, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(c.clone());
            best = d;
        }
    }
    suggestion
}

fn keys_of(d: &Value) -> Vec<String> {
    crate::objects::dict::PyDict::keys_vec(d).iter().filter_map(|k| as_str(k).map(str::to_string)).collect()
}

fn last_frame(exc: &Value) -> Option<Value> {
    let mut tb = exceptions::traceback_of(exc)?;
    loop {
        let next = tb.downcast::<super::traceback::PyTraceback>()?.next.borrow().clone();
        match next {
            Some(n) => tb = n,
            None => break,
        }
    }
    Some(tb.downcast::<super::traceback::PyTraceback>()?.frame.clone())
}

/// The text appended to the exception message (". Did you mean: 'x'?"), if any.
pub fn suggestion_for(vm: &mut Vm, exc: &Value) -> Option<String> {
    let ty = exc.ty();
    let is_name = ty.is_subtype(&exceptions::NAME_ERROR);
    let is_attr = ty.is_subtype(&exceptions::ATTRIBUTE_ERROR);
    let is_import = ty.is_subtype(&exceptions::IMPORT_ERROR);
    if !is_name && !is_attr && !is_import {
        return None;
    }
    let field = if is_import { "name_from" } else { "name" };
    let wrong = exceptions::get_attr_field(exc, field)?;
    let wrong = as_str(&wrong)?.to_string();
    let mut out = String::new();
    let suggestion = if is_attr {
        let obj = exceptions::get_attr_field(exc, "obj")?;
        let d = crate::modules::builtins::dir_of(vm, &obj).ok()?;
        let d: Vec<String> = if !wrong.starts_with('_') { d.into_iter().filter(|x| !x.starts_with('_')).collect() } else { d };
        closest(&d, &wrong)
    } else if is_import {
        let name = exceptions::get_attr_field(exc, "name").and_then(|n| as_str(&n).map(str::to_string))?;
        let m = super::import::import_module(vm, &name).ok()?;
        let d = crate::modules::builtins::dir_of(vm, &m).ok()?;
        let d: Vec<String> = if !wrong.starts_with('_') { d.into_iter().filter(|x| !x.starts_with('_')).collect() } else { d };
        closest(&d, &wrong)
    } else {
        let frame = last_frame(exc)?;
        let f = frame.downcast::<super::traceback::PyFrameObject>()?;
        let locals = super::traceback::frame_locals(vm, &frame).ok()?;
        // In a method whose instance has the name as an attribute: "self.name".
        let this = crate::objects::dict::PyDict::get_str(&locals, "self");
        let on_self = this.is_some_and(|o| {
            matches!(super::ops::getattr_opt(vm, &o, &crate::objects::str::new_str(&wrong)), Ok(Some(_)))
        });
        if on_self {
            Some(format!("self.{wrong}"))
        } else {
            let mut d = keys_of(&locals);
            d.extend(keys_of(&f.globals));
            d.extend(keys_of(&f.builtins));
            closest(&d, &wrong)
        }
    };
    if let Some(s) = &suggestion {
        out.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if is_name && crate::modules::sys::is_stdlib_module_name(&wrong) {
        if suggestion.is_some() {
            out.push_str(&format!(" Or did you forget to import '{wrong}'?"));
        } else {
            out.push_str(&format!(". Did you forget to import '{wrong}'?"));
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}
