//! Smoke tests of the public API: modes, options, REPL continuation, special errors.

mod common;

use taipan_compiler::bytecode::{Instr, Intrinsic1, Opcode};
use taipan_compiler::{compile, is_incomplete_input, CompileOptions, Constant, Mode, NULL_BYTES_MSG};

fn ops(src: &str, mode: Mode) -> Vec<(Opcode, u32)> {
    let code = compile(src, "<s>", mode, CompileOptions::default()).expect("compiles");
    common::validate(&code).expect("valid");
    code.instructions.iter().map(|&i| (Instr(i).op(), Instr(i).arg())).collect()
}

#[test]
fn eval_mode_returns_the_value() {
    let o = ops("1 + x", Mode::Eval);
    assert_eq!(o.last().map(|x| x.0), Some(Opcode::ReturnValue));
}

#[test]
fn single_mode_prints_expressions() {
    let o = ops("x\n", Mode::Single);
    assert!(o.contains(&(Opcode::CallIntrinsic1, Intrinsic1::Print as u32)));
}

#[test]
fn optimize_drops_asserts_and_docstrings() {
    let code = compile("def f():\n    'doc'\n    assert x\n", "<s>", Mode::Exec, CompileOptions { optimize: 2 }).unwrap();
    let Constant::Code(f) = &code.consts[0] else { panic!("no code") };
    assert_eq!(f.consts[0], Constant::None);
    assert!(!f.instructions.iter().any(|&i| Instr(i).op() == Opcode::LoadAssertionError));
    let code = compile("def f():\n    'doc'\n", "<s>", Mode::Exec, CompileOptions::default()).unwrap();
    let Constant::Code(f) = &code.consts[0] else { panic!("no code") };
    assert_eq!(f.consts[0], Constant::Str("doc".into()));
}

#[test]
fn null_bytes_are_rejected() {
    let e = compile("x = 1\0", "<s>", Mode::Exec, CompileOptions::default()).unwrap_err();
    assert_eq!(e.msg, NULL_BYTES_MSG);
}

#[test]
fn big_integers_and_constant_folding() {
    let code = compile("x = 0x1_0000_0000_0000_0000_0000 + 2 ** 10 - -3", "<s>", Mode::Exec, CompileOptions::default()).unwrap();
    assert!(code.consts.iter().any(|c| matches!(c, Constant::Int(i) if i.to_string() == "1208925819614629174707203")));
}

#[test]
fn repl_continuation() {
    for src in ["if x:\n", "(1,\n", "'''abc\n", "def f():\n    pass\n", "x = \\\n", "for i in y:\n    print(i)\n"] {
        assert!(is_incomplete_input(src), "{src:?} should be incomplete");
    }
    for src in ["x = 1\n", "if x:\n    pass\n\n", "print(1)\n", ")\n", ""] {
        assert!(!is_incomplete_input(src), "{src:?} should be complete");
    }
}
