//! Golden disassembly tests: `tests/golden/*.py` compiled and disassembled, compared with
//! the stored `*.dis`.  Regenerate with `TAIPAN_BLESS=1 cargo test -p taipan_compiler --test golden`.

mod common;

use std::path::Path;

use taipan_compiler::{compile, dis, CompileOptions, Mode};

#[test]
fn golden_disassembly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("TAIPAN_BLESS").map(|v| v == "1").unwrap_or(false);
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|e| e == "py").unwrap_or(false))
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    for path in entries {
        let src = std::fs::read_to_string(&path).expect("read source");
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let out = match compile(&src, &name, Mode::Exec, CompileOptions::default()) {
            Ok(code) => {
                if let Err(e) = common::validate(&code) {
                    failures.push(format!("{name}: invalid code: {e}"));
                }
                dis(&code)
            }
            Err(e) => format!("CompileError: {e:?}\n"),
        };
        let expected_path = path.with_extension("dis");
        if bless {
            std::fs::write(&expected_path, &out).expect("write golden");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == out => {}
            Ok(_) => failures.push(format!("{name}: disassembly differs (run with TAIPAN_BLESS=1 to update)")),
            Err(_) => failures.push(format!("{name}: missing {}", expected_path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
