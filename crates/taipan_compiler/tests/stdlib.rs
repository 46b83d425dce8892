//! Compiles every `.py` file of CPython 3.13's standard library (found through
//! `python3.13`; skipped when it is absent): no panics, no `CompileError` for files CPython
//! compiles, and every code object structurally valid (`common::validate`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use taipan_compiler::{compile, CompileOptions, Mode};

fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3.13")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sysconfig;print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.is_dir().then_some(p)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            if name == "site-packages" || name == "__pycache__" {
                continue;
            }
            collect(&p, out);
        } else if p.extension().map(|x| x == "py").unwrap_or(false) {
            out.push(p);
        }
    }
}

fn skipped(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    (rel.starts_with("test/") && name.starts_with("bad")) || rel.contains("lib2to3/tests/data") || rel.contains("test/tokenizedata/bad")
}

#[test]
fn compiles_the_standard_library() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("python3.13 not found; skipping");
        return;
    };
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for f in &files {
        let rel = f.strip_prefix(&dir).unwrap_or(f).to_string_lossy().replace('\\', "/");
        if skipped(&rel) {
            continue;
        }
        let Ok(bytes) = std::fs::read(f) else { continue };
        let Ok(src) = String::from_utf8(bytes) else { continue };
        count += 1;
        match compile(&src, &rel, Mode::Exec, CompileOptions::default()) {
            Ok(code) => {
                if let Err(e) = common::validate(&code) {
                    failures.push(format!("{rel}: invalid code: {e}"));
                }
            }
            Err(e) => {
                let check = Command::new("python3.13")
                    .env("PYENV_VERSION", "3.13.0")
                    .args(["-c", "import sys;compile(open(sys.argv[1],'rb').read(),sys.argv[1],'exec')"])
                    .arg(f)
                    .output();
                let cpython_ok = check.map(|o| o.status.success()).unwrap_or(false);
                if cpython_ok {
                    failures.push(format!("{rel}: {} (line {}:{})", e.msg, e.lineno, e.offset));
                }
            }
        }
    }
    assert!(count > 1000, "only {count} files found");
    assert!(failures.is_empty(), "{} of {count} files failed:\n{}", failures.len(), failures.join("\n"));
}
