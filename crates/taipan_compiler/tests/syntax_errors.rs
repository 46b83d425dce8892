//! Erroneous snippets compared with CPython 3.13's `SyntaxError` (class, msg, lineno,
//! offset), recorded in `tests/data/syntax_errors.txt` by `tests/data/gen_syntax_errors.py`.

use taipan_compiler::{compile, CompileOptions, Mode, SyntaxErrorKind};

fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn kind_name(k: SyntaxErrorKind) -> &'static str {
    match k {
        SyntaxErrorKind::SyntaxError => "SyntaxError",
        SyntaxErrorKind::IndentationError => "IndentationError",
        SyntaxErrorKind::TabError => "TabError",
    }
}

#[test]
fn syntax_errors_match_cpython() {
    let data = include_str!("data/syntax_errors.txt");
    let lines: Vec<&str> = data.lines().collect();
    let mut failures = Vec::new();
    let mut total = 0;
    for pair in lines.chunks(2) {
        let [head, expected] = pair else { continue };
        let Some(src) = head.strip_prefix("### ") else { continue };
        let src = decode(src);
        total += 1;
        let got = match compile(&src, "<s>", Mode::Exec, CompileOptions::default()) {
            Ok(_) => "OK".to_string(),
            Err(e) => format!("{}|{}|{}|{}", kind_name(e.kind), e.msg, e.lineno, e.offset),
        };
        if got != *expected {
            failures.push(format!("{src:?}\n    expected {expected}\n    got      {got}"));
        }
    }
    assert!(total >= 80, "only {total} cases");
    assert!(failures.is_empty(), "{} of {total} differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let cases = [
        "(".repeat(1000),
        format!("x = {}1", "-".repeat(100000)),
        format!("x = {}1", "1+".repeat(100000)),
        (0..200).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(200) + "pass\n",
        format!("x = {}{}", "[".repeat(150), "]".repeat(150)),
    ];
    for src in &cases {
        let handle = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn({
                let src = src.clone();
                move || compile(&src, "<s>", Mode::Exec, CompileOptions::default()).map(|_| ()).map_err(|e| e.msg)
            })
            .expect("spawn");
        let r = handle.join().expect("compile must not panic or overflow");
        let _ = r;
    }
    for src in [format!("x = {}1", "-".repeat(1490)), format!("x = {}a", "a+".repeat(1490)), format!("x = {}a", "not ".repeat(1490))] {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || compile(&src, "<s>", Mode::Exec, CompileOptions::default()).map(|_| ()).map_err(|e| e.msg))
            .expect("spawn");
        assert!(handle.join().expect("no overflow on a 2 MiB stack").is_ok());
    }
    let e = compile(&"(".repeat(1000), "<s>", Mode::Exec, CompileOptions::default()).unwrap_err();
    assert_eq!((e.msg.as_str(), e.offset), ("too many nested parentheses", 201));
    let e = compile(&cases[3], "<s>", Mode::Exec, CompileOptions::default()).unwrap_err();
    assert_eq!((e.kind, e.msg.as_str(), e.lineno, e.offset), (SyntaxErrorKind::IndentationError, "too many levels of indentation", 101, 1));
    let e = compile(&cases[2], "<s>", Mode::Exec, CompileOptions::default()).unwrap_err();
    assert_eq!(e.msg, taipan_compiler::RECURSION_MSG);
}
