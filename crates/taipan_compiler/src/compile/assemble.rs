//! From the compiler's instruction stream to final code: basic blocks, the exception
//! table, stack depth, jump resolution.
//!
//! Follows CPython 3.13's `Python/flowgraph.c` (`label_exception_targets`, `stackdepth`,
//! `optimize_basic_block`'s constant-condition folding, `remove_unreachable`,
//! `remove_redundant_nops`, `propagate_line_numbers`) and `Python/assemble.c`
//! (`assemble_exception_table`, `EXTENDED_ARG` sizing).  Pseudo-instructions
//! `SetupFinally` / `SetupCleanup` / `SetupWith` / `PopBlock` only exist here: they become
//! exception-table rows and vanish from the emitted code.

use crate::bytecode::{Instr, Opcode};
use crate::code::{Constant, ExceptionTableEntry, Position};

use super::{IrInstr, Item, Op};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

pub(crate) struct Assembled {
    pub instructions: Vec<u32>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stacksize: u32,
}

/// The exception handler active at an instruction: target block, table depth, lasti.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Handler {
    block: usize,
    depth: u32,
    lasti: bool,
}

struct Block {
    instrs: Vec<IrInstr>,
    handlers: Vec<Option<Handler>>,
    start_depth: Option<i64>,
    reachable: bool,
    predecessors: u32,
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::Real(Opcode::Jump | Opcode::ReturnValue | Opcode::ReturnConst | Opcode::RaiseVarargs | Opcode::Reraise)
    )
}

fn is_jump(ins: &IrInstr) -> bool {
    matches!(ins.op, Op::Real(op) if op.is_jump())
}

/// `(pops, pushes)` on the taken path of a jump.  `Send` keeps `receiver value`, as its
/// meaning in `bytecode.rs` and `EndSend` require.
fn jump_effect(op: Opcode, arg: u32) -> (i64, i64) {
    match op {
        Opcode::Send => (2, 2),
        _ => op.jump_effect(arg).map(|(p, q)| (p as i64, q as i64)).unwrap_or((0, 0)),
    }
}

fn has_fallthrough(b: &Block) -> bool {
    match b.instrs.last() {
        Some(i) => !is_terminator(i.op),
        None => true,
    }
}

fn const_truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::True => true,
        Constant::False => false,
        Constant::Ellipsis => true,
        Constant::Int(i) => i.sign() != num_bigint::Sign::NoSign,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

pub(crate) fn assemble(items: &[Item], nlabels: usize, consts: &[Constant]) -> Result<Assembled, String> {
    // 1. Split into basic blocks.
    let mut blocks: Vec<Block> = Vec::new();
    let mut label_block: Vec<Option<usize>> = vec![None; nlabels];
    let new_block = |blocks: &mut Vec<Block>| {
        blocks.push(Block { instrs: Vec::new(), handlers: Vec::new(), start_depth: None, reachable: false, predecessors: 0 });
        blocks.len() - 1
    };
    let mut cur = new_block(&mut blocks);
    for item in items {
        match item {
            Item::Label(l) => {
                if !blocks[cur].instrs.is_empty() {
                    cur = new_block(&mut blocks);
                }
                label_block[l.0 as usize] = Some(cur);
            }
            Item::Instr(ins) => {
                blocks[cur].instrs.push(*ins);
                if is_terminator(ins.op) || is_jump(ins) {
                    cur = new_block(&mut blocks);
                }
            }
        }
    }
    let target_of = |ins: &IrInstr| -> Result<usize, String> {
        let l = ins.target.ok_or("jump without target")?;
        label_block.get(l.0 as usize).copied().flatten().ok_or_else(|| format!("unplaced label {}", l.0))
    };

    // 2. Fold jumps on constant conditions (`LoadConst c; PopJumpIf* L`).
    for b in blocks.iter_mut() {
        let n = b.instrs.len();
        if n >= 2 {
            let (a, j) = (b.instrs[n - 2], b.instrs[n - 1]);
            if let (Op::Real(Opcode::LoadConst), Op::Real(jop)) = (a.op, j.op) {
                let c = consts.get(a.arg as usize);
                let taken = match (jop, c) {
                    (Opcode::PopJumpIfFalse, Some(c)) => const_truth(c).map(|t| !t),
                    (Opcode::PopJumpIfTrue, Some(c)) => const_truth(c),
                    (Opcode::PopJumpIfNone, Some(c)) => Some(matches!(c, Constant::None)),
                    (Opcode::PopJumpIfNotNone, Some(c)) => Some(!matches!(c, Constant::None)),
                    _ => None,
                };
                if let Some(taken) = taken {
                    b.instrs.truncate(n - 2);
                    if taken {
                        b.instrs.push(IrInstr { op: Op::Real(Opcode::Jump), arg: 0, target: j.target, loc: j.loc });
                    } else {
                        b.instrs.push(IrInstr { op: Op::Real(Opcode::Nop), arg: 0, target: None, loc: a.loc });
                    }
                }
            }
        }
    }

    // `LoadConst c; ReturnValue` -> `Nop; ReturnConst c`.
    for b in blocks.iter_mut() {
        for k in 1..b.instrs.len() {
            if b.instrs[k].op == Op::Real(Opcode::ReturnValue) && b.instrs[k - 1].op == Op::Real(Opcode::LoadConst) {
                let arg = b.instrs[k - 1].arg;
                b.instrs[k - 1].op = Op::Real(Opcode::Nop);
                b.instrs[k].op = Op::Real(Opcode::ReturnConst);
                b.instrs[k].arg = arg;
            }
        }
    }

    // `LoadConst None; IsOp k; PopJumpIf*` -> `PopJumpIfNone` / `PopJumpIfNotNone`;
    // `BuildTuple n; UnpackSequence n` -> swaps (CPython's `optimize_basic_block`).
    for b in blocks.iter_mut() {
        let n = b.instrs.len();
        for k in 0..n {
            if k + 2 < n {
                let (c, is, j) = (b.instrs[k], b.instrs[k + 1], b.instrs[k + 2]);
                let none = c.op == Op::Real(Opcode::LoadConst) && matches!(consts.get(c.arg as usize), Some(Constant::None));
                if none && is.op == Op::Real(Opcode::IsOp) {
                    let jump_if_none = match (j.op, is.arg) {
                        (Op::Real(Opcode::PopJumpIfTrue), 0) | (Op::Real(Opcode::PopJumpIfFalse), 1) => Some(true),
                        (Op::Real(Opcode::PopJumpIfFalse), 0) | (Op::Real(Opcode::PopJumpIfTrue), 1) => Some(false),
                        _ => None,
                    };
                    if let Some(if_none) = jump_if_none {
                        b.instrs[k].op = Op::Real(Opcode::Nop);
                        b.instrs[k + 1].op = Op::Real(Opcode::Nop);
                        b.instrs[k + 2].op =
                            Op::Real(if if_none { Opcode::PopJumpIfNone } else { Opcode::PopJumpIfNotNone });
                    }
                }
            }
            if k + 1 < n
                && b.instrs[k].op == Op::Real(Opcode::BuildTuple)
                && b.instrs[k + 1].op == Op::Real(Opcode::UnpackSequence)
                && b.instrs[k].arg == b.instrs[k + 1].arg
                && b.instrs[k].arg <= 3
            {
                let cnt = b.instrs[k].arg;
                b.instrs[k].op = Op::Real(Opcode::Nop);
                match cnt {
                    1 => b.instrs[k + 1].op = Op::Real(Opcode::Nop),
                    2 => {
                        b.instrs[k + 1].op = Op::Real(Opcode::Swap);
                        b.instrs[k + 1].arg = 2;
                    }
                    _ => {
                        b.instrs[k + 1].op = Op::Real(Opcode::Swap);
                        b.instrs[k + 1].arg = 3;
                    }
                }
            }
        }
    }

    // 3. Exception targets and stack depth in one walk (label_exception_targets + stackdepth).
    let nblocks = blocks.len();
    let mut except_stacks: Vec<Option<Vec<Handler>>> = vec![None; nblocks];
    let mut worklist: Vec<usize> = vec![0];
    blocks[0].start_depth = Some(0);
    except_stacks[0] = Some(Vec::new());
    let mut max_depth: i64 = 0;
    let mut visited = vec![false; nblocks];
    while let Some(bi) = worklist.pop() {
        if visited[bi] {
            continue;
        }
        visited[bi] = true;
        blocks[bi].reachable = true;
        let mut depth = blocks[bi].start_depth.unwrap_or(0);
        let mut stack = except_stacks[bi].clone().unwrap_or_default();
        let instrs = blocks[bi].instrs.clone();
        let mut handlers = Vec::with_capacity(instrs.len());
        let mut fell_off = true;
        let propagate = |target: usize,
                             d: i64,
                             st: &Vec<Handler>,
                             blocks: &mut Vec<Block>,
                             except_stacks: &mut Vec<Option<Vec<Handler>>>,
                             worklist: &mut Vec<usize>|
         -> Result<(), String> {
            match blocks[target].start_depth {
                Some(old) if old != d => {
                    return Err(format!("inconsistent stack depth at block {target}: {old} vs {d}"));
                }
                Some(_) => {}
                None => {
                    blocks[target].start_depth = Some(d);
                    except_stacks[target] = Some(st.clone());
                    worklist.push(target);
                }
            }
            Ok(())
        };
        for ins in &instrs {
            match ins.op {
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    let target = target_of(ins)?;
                    let (entry, table_depth, lasti) = match ins.op {
                        Op::SetupFinally => (depth + 1, depth, false),
                        Op::SetupCleanup => (depth + 2, depth, true),
                        _ => (depth + 1, depth - 1, true),
                    };
                    if table_depth < 0 {
                        return Err("negative handler depth".into());
                    }
                    max_depth = max_depth.max(entry);
                    propagate(target, entry, &stack, &mut blocks, &mut except_stacks, &mut worklist)?;
                    stack.push(Handler { block: target, depth: table_depth as u32, lasti });
                    handlers.push(None);
                }
                Op::PopBlock => {
                    stack.pop();
                    handlers.push(None);
                }
                Op::Real(op) => {
                    handlers.push(stack.last().copied());
                    if op.is_jump() {
                        let target = target_of(ins)?;
                        let (p, q) = jump_effect(op, ins.arg);
                        let d = depth - p + q;
                        if d < 0 {
                            return Err(format!("stack underflow at jump {}", op.name()));
                        }
                        max_depth = max_depth.max(d);
                        propagate(target, d, &stack, &mut blocks, &mut except_stacks, &mut worklist)?;
                    }
                    let (p, q) = op.stack_effect(ins.arg);
                    if depth < p as i64 {
                        return Err(format!("stack underflow at {} (depth {depth})", op.name()));
                    }
                    depth = depth - p as i64 + q as i64;
                    max_depth = max_depth.max(depth);
                    if is_terminator(ins.op) {
                        fell_off = false;
                    }
                }
            }
        }
        blocks[bi].handlers = handlers;
        if fell_off && bi + 1 < nblocks {
            propagate(bi + 1, depth, &stack, &mut blocks, &mut except_stacks, &mut worklist)?;
        }
    }

    // 4. Drop unreachable blocks' code, pseudo-instructions and redundant NOPs.
    for b in blocks.iter_mut() {
        if !b.reachable {
            b.instrs.clear();
            b.handlers.clear();
            continue;
        }
        let mut instrs = Vec::new();
        let mut handlers = Vec::new();
        for (ins, h) in b.instrs.iter().zip(b.handlers.iter()) {
            match ins.op {
                Op::Real(_) => {
                    instrs.push(*ins);
                    handlers.push(*h);
                }
                // As CPython's `convert_pseudo_ops`: a setup becomes a NOP that keeps
                // its statement's line (`try:` is a line of its own for tracing) when
                // no neighbouring instruction has that line.
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    instrs.push(IrInstr { op: Op::Real(Opcode::Nop), arg: 0, target: None, loc: ins.loc });
                    handlers.push(*h);
                }
                _ => {}
            }
        }
        b.instrs = instrs;
        b.handlers = handlers;
    }
    remove_redundant_nops(&mut blocks);

    // 5. Remove jumps to the next block in layout order.
    for bi in 0..nblocks {
        let Some(last) = blocks[bi].instrs.last().copied() else { continue };
        if last.op != Op::Real(Opcode::Jump) {
            continue;
        }
        let target = target_of(&last)?;
        let next_nonempty = (bi + 1..nblocks).find(|&j| !blocks[j].instrs.is_empty());
        let target_nonempty = (target..nblocks).find(|&j| !blocks[j].instrs.is_empty());
        if next_nonempty.is_some() && next_nonempty == target_nonempty {
            let b = &mut blocks[bi];
            let k = b.instrs.len() - 1;
            b.instrs[k] = IrInstr { op: Op::Real(Opcode::Nop), arg: 0, target: None, loc: last.loc };
        }
    }
    remove_redundant_nops(&mut blocks);

    // 6. Line numbers for artificial instructions.
    propagate_line_numbers(&mut blocks, &target_of)?;

    // 7. Layout with EXTENDED_ARG sizing, iterated to a fixed point.
    let mut block_start = vec![0u32; nblocks + 1];
    let mut sizes: Vec<Vec<u32>> = blocks.iter().map(|b| vec![1; b.instrs.len()]).collect();
    loop {
        let mut off = 0u32;
        for bi in 0..nblocks {
            block_start[bi] = off;
            off += sizes[bi].iter().sum::<u32>();
        }
        block_start[nblocks] = off;
        let mut changed = false;
        for bi in 0..nblocks {
            for (k, ins) in blocks[bi].instrs.iter().enumerate() {
                let arg = if ins.target.is_some() { block_start[target_of(ins)?] } else { ins.arg };
                let need = ext_size(arg);
                if need != sizes[bi][k] {
                    sizes[bi][k] = need;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // 8. Emit.
    let mut instructions = Vec::new();
    let mut positions = Vec::new();
    let mut per_instr_handler: Vec<Option<Handler>> = Vec::new();
    for bi in 0..nblocks {
        for (k, ins) in blocks[bi].instrs.iter().enumerate() {
            let Op::Real(op) = ins.op else { continue };
            let arg = if ins.target.is_some() { block_start[target_of(ins)?] } else { ins.arg };
            let n = sizes[bi][k];
            for i in (1..n).rev() {
                let high = (arg >> (Instr::ARG_BITS * i)) & Instr::MAX_ARG;
                instructions.push(Instr::new(Opcode::ExtendedArg, high).0);
                positions.push(ins.loc);
                per_instr_handler.push(blocks[bi].handlers[k]);
            }
            instructions.push(Instr::new(op, arg & Instr::MAX_ARG).0);
            positions.push(ins.loc);
            per_instr_handler.push(blocks[bi].handlers[k]);
        }
    }

    // 9. Exception table: maximal runs of instructions sharing a handler.
    let mut exception_table = Vec::new();
    let mut run: Option<(u32, Handler)> = None;
    for (i, h) in per_instr_handler.iter().enumerate() {
        let i = i as u32;
        match (run, h) {
            (Some((_, cur)), Some(h)) if cur == *h => {}
            _ => {
                if let Some((start, cur)) = run.take() {
                    exception_table.push(ExceptionTableEntry {
                        start,
                        end: i,
                        target: block_start[cur.block],
                        depth: cur.depth,
                        lasti: cur.lasti,
                    });
                }
                if let Some(h) = h {
                    run = Some((i, *h));
                }
            }
        }
    }
    if let Some((start, cur)) = run {
        exception_table.push(ExceptionTableEntry {
            start,
            end: per_instr_handler.len() as u32,
            target: block_start[cur.block],
            depth: cur.depth,
            lasti: cur.lasti,
        });
    }

    Ok(Assembled { instructions, positions, exception_table, stacksize: max_depth.max(0) as u32 })
}

fn ext_size(arg: u32) -> u32 {
    if arg <= Instr::MAX_ARG {
        1
    } else {
        2
    }
}

/// `remove_redundant_nops`: a NOP survives only when it carries a line number no
/// neighbouring instruction has.
fn remove_redundant_nops(blocks: &mut [Block]) {
    let n = blocks.len();
    for bi in 0..n {
        let next_line = (bi + 1..n).find_map(|j| blocks[j].instrs.first().map(|i| i.loc.line));
        let falls = has_fallthrough(&blocks[bi]);
        let b = &mut blocks[bi];
        let mut out: Vec<IrInstr> = Vec::with_capacity(b.instrs.len());
        let mut hout = Vec::with_capacity(b.instrs.len());
        let len = b.instrs.len();
        for k in 0..len {
            let ins = b.instrs[k];
            if ins.op == Op::Real(Opcode::Nop) {
                let line = ins.loc.line;
                if line == 0 {
                    continue;
                }
                if out.last().map(|p: &IrInstr| p.loc.line) == Some(line) {
                    continue;
                }
                let next = if k + 1 < len {
                    Some(b.instrs[k + 1].loc.line)
                } else if falls {
                    next_line
                } else {
                    None
                };
                if next == Some(line) {
                    continue;
                }
                if k + 1 < len && b.instrs[k + 1].loc.line == 0 {
                    let mut fixed = b.instrs[k + 1];
                    fixed.loc = ins.loc;
                    b.instrs[k + 1] = fixed;
                    continue;
                }
            }
            out.push(ins);
            hout.push(b.handlers[k]);
        }
        b.instrs = out;
        b.handlers = hout;
    }
}

fn propagate_line_numbers(
    blocks: &mut [Block],
    target_of: &dyn Fn(&IrInstr) -> Result<usize, String>,
) -> Result<(), String> {
    let n = blocks.len();
    for b in blocks.iter_mut() {
        b.predecessors = 0;
    }
    blocks[0].predecessors = 1;
    for bi in 0..n {
        if blocks[bi].instrs.is_empty() && !blocks[bi].reachable {
            continue;
        }
        let falls = has_fallthrough(&blocks[bi]);
        let jump_target = match blocks[bi].instrs.last() {
            Some(last) if is_jump(last) => Some(target_of(last)?),
            _ => None,
        };
        if falls {
            if let Some(next) = (bi + 1..n).find(|&j| !blocks[j].instrs.is_empty()) {
                blocks[next].predecessors += 1;
            }
        }
        if let Some(t) = jump_target {
            if let Some(t) = (t..n).find(|&j| !blocks[j].instrs.is_empty()) {
                blocks[t].predecessors += 1;
            }
        }
    }
    for bi in 0..n {
        let mut prev = Position::default();
        for ins in blocks[bi].instrs.iter_mut() {
            if ins.loc.line == 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if blocks[bi].instrs.is_empty() {
            continue;
        }
        let falls = has_fallthrough(&blocks[bi]);
        if falls {
            if let Some(next) = (bi + 1..n).find(|&j| !blocks[j].instrs.is_empty()) {
                if blocks[next].predecessors == 1 && blocks[next].instrs[0].loc.line == 0 {
                    blocks[next].instrs[0].loc = prev;
                }
            }
        }
        let last = blocks[bi].instrs[blocks[bi].instrs.len() - 1];
        if is_jump(&last) {
            let t = target_of(&last)?;
            if let Some(t) = (t..n).find(|&j| !blocks[j].instrs.is_empty()) {
                if blocks[t].predecessors == 1 && blocks[t].instrs[0].loc.line == 0 {
                    blocks[t].instrs[0].loc = prev;
                }
            }
        }
    }
    Ok(())
}
