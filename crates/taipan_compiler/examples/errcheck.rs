//! Development aid: compiles hex-encoded snippets (one per line, from stdin) and prints
//! `index|class|msg|lineno|offset|end_lineno|end_offset` for each.
use std::io::Read;
use taipan_compiler::{compile, CompileOptions, Mode, SyntaxErrorKind};

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    for (i, line) in input.lines().enumerate() {
        let bytes: Vec<u8> = (0..line.len() / 2).map(|j| u8::from_str_radix(&line[2 * j..2 * j + 2], 16).unwrap()).collect();
        let src = String::from_utf8(bytes).unwrap();
        if std::env::var_os("ERRDEBUG").is_some() {
            let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
                .with_target_version(ruff_python_ast::PythonVersion::PY313);
            let parsed = ruff_python_parser::parse_unchecked(&src, opts);
            println!("{:?} {:?}", parsed.errors(), parsed.unsupported_syntax_errors());
        }
        let mode = if std::env::var_os("EVAL").is_some() { Mode::Eval } else { Mode::Exec };
        match compile(&src, "<t>", mode, CompileOptions::default()) {
            Ok(_) => println!("{i}|OK"),
            Err(e) => {
                let k = match e.kind {
                    SyntaxErrorKind::SyntaxError => "SyntaxError",
                    SyntaxErrorKind::IndentationError => "IndentationError",
                    SyntaxErrorKind::TabError => "TabError",
                };
                println!("{i}|{k}|{}|{}|{}|{}|{}", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
            }
        }
    }
}
