//! Shared test helpers: structural validation of compiled code objects.

use taipan_compiler::bytecode::{Instr, Opcode};
use taipan_compiler::{CodeObject, Constant};

/// Checks jump targets, exception-table rows and stack depth (never negative, never above
/// `stacksize`, consistent where paths merge) of `code` and its nested code objects.
pub fn validate(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    if code.positions.len() != n {
        return Err(format!("{}: {} positions for {} instructions", code.qualname, code.positions.len(), n));
    }
    let mut args = vec![0u32; n];
    let mut ext = 0u32;
    for (i, raw) in code.instructions.iter().enumerate() {
        let ins = Instr(*raw);
        let arg = ins.arg() | ext;
        ext = if ins.op() == Opcode::ExtendedArg { arg << Instr::ARG_BITS } else { 0 };
        args[i] = arg;
        if Opcode::from_u8(*raw as u8).is_none() {
            return Err(format!("{}: bad opcode at {i}", code.qualname));
        }
        if ins.op().is_jump() && arg as usize >= n {
            return Err(format!("{}: jump target {arg} out of range at {i}", code.qualname));
        }
    }
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("{}: bad exception entry {e:?}", code.qualname));
        }
    }
    let mut depth: Vec<Option<i64>> = vec![None; n];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    while let Some((i, d)) = work.pop() {
        if i >= n {
            return Err(format!("{}: fell off the end", code.qualname));
        }
        match depth[i] {
            Some(old) if old == d => continue,
            Some(old) => return Err(format!("{}: depth mismatch at {i}: {old} vs {d}", code.qualname)),
            None => depth[i] = Some(d),
        }
        if d > code.stacksize as i64 {
            return Err(format!("{}: depth {d} above stacksize {} at {i}", code.qualname, code.stacksize));
        }
        if let Some(h) = code.handler_for(i as u32) {
            if (h.depth as i64) > d {
                return Err(format!("{}: handler depth {} above stack {d} at {i}", code.qualname, h.depth));
            }
            work.push((h.target as usize, h.depth as i64 + h.lasti as i64 + 1));
        }
        let ins = Instr(code.instructions[i]);
        let op = ins.op();
        let arg = args[i];
        let (p, q) = op.stack_effect(arg);
        if d < p as i64 {
            return Err(format!("{}: stack underflow at {i} ({})", code.qualname, op.name()));
        }
        if let Some((jp, jq)) = op.jump_effect(arg) {
            work.push((arg as usize, d - jp as i64 + jq as i64));
        }
        let terminal = matches!(
            op,
            Opcode::Jump | Opcode::ReturnValue | Opcode::ReturnConst | Opcode::RaiseVarargs | Opcode::Reraise
        );
        if !terminal {
            work.push((i + 1, d - p as i64 + q as i64));
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            validate(inner)?;
        }
    }
    Ok(())
}
