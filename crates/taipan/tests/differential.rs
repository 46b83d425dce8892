//! The differential test suite: every program under `tests/programs/<area>/` runs under
//! `taipan` and must print exactly what CPython 3.13 printed (recorded beside it by
//! `tools/regen_expected.py`): stdout, stderr and exit status.
//!
//! Two rules:
//! - No program may crash the interpreter (a signal, a Rust panic, or a hang past the
//!   time limit), whatever it does, even when it is listed as a known failure.
//! - A program not listed in `tests/expected_failures.txt` must match exactly.  Listed
//!   programs that now pass are reported so the list can shrink; set
//!   `TAIPAN_UPDATE_MANIFEST=1` to rewrite the list from the current results.
//!
//! `TAIPAN_TEST_FILTER=substring` runs a subset.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

fn programs(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("tests/programs");
    let mut out = Vec::new();
    let mut areas: Vec<PathBuf> = std::fs::read_dir(&dir).expect("tests/programs").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    areas.sort();
    for area in areas {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&area)
            .expect("area")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().map(|e| e == "py").unwrap_or(false))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

fn stdlib_dir() -> Option<String> {
    let out = Command::new("python3.13")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

struct Outcome {
    name: String,
    passed: bool,
    crashed: Option<String>,
    detail: String,
}

fn normalize(text: &str, area: &str, stdlib: Option<&str>, exe: &str) -> String {
    let mut t = text.to_string();
    if let Some(s) = stdlib {
        t = t.replace(s, "$STDLIB");
    }
    t = t.replace(exe, "$EXE");
    t.replace(area, "$DIR")
}

fn read_or_empty(p: &Path) -> String {
    std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

fn run_one(exe: &str, program: &Path, stdlib: Option<&str>) -> Outcome {
    let area = program.parent().expect("area dir");
    let area_s = area.to_string_lossy().into_owned();
    let stem = program.with_extension("");
    let name = format!(
        "{}/{}",
        area.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        program.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    );
    let cmdline = stem.with_extension("cmdline");
    let args: Vec<String> = if cmdline.exists() {
        parse_json_list(&read_or_empty(&cmdline))
    } else {
        vec![program.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()]
    };
    let stdin_data = std::fs::read(stem.with_extension("stdin")).unwrap_or_default();
    let mut cmd = Command::new(exe);
    cmd.args(&args)
        .current_dir(area)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::var("HOME").unwrap_or_else(|_| "/tmp".into()))
        .env("LANG", "C.UTF-8")
        .env("PYTHONHASHSEED", "0")
        .env("PYENV_VERSION", "3.13.0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(s) = stdlib {
        cmd.env("TAIPAN_STDLIB", s);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome { name, passed: false, crashed: Some(format!("spawn failed: {e}")), detail: String::new() },
    };
    if let Some(mut sin) = child.stdin.take() {
        let data = stdin_data.clone();
        std::thread::spawn(move || {
            let _ = sin.write_all(&data);
        });
    }
    // Drain stdout and stderr while waiting, so a program printing more than a pipe
    // buffer holds cannot block on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_reader = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let err_reader = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() > TIMEOUT {
                    let _ = child.kill();
                    timed_out = true;
                    break child.wait().ok();
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break None,
        }
    };
    let Some(status) = status else {
        return Outcome { name, passed: false, crashed: Some("wait failed".to_string()), detail: String::new() };
    };
    let output = std::process::Output {
        status,
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    };
    let stdout = normalize(&String::from_utf8_lossy(&output.stdout), &area_s, stdlib, exe);
    let stderr = normalize(&String::from_utf8_lossy(&output.stderr), &area_s, stdlib, exe);
    let code = output.status.code();
    let crashed = if timed_out {
        Some(format!("timed out after {}s", TIMEOUT.as_secs()))
    } else if code.is_none() {
        Some("killed by a signal".to_string())
    } else if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") {
        Some(format!("Rust panic: {}", stderr.lines().find(|l| l.contains("panicked")).unwrap_or("")))
    } else if code == Some(70) || code == Some(101) {
        Some(format!("abnormal exit status {code:?}"))
    } else {
        None
    };
    let want_out = read_or_empty(&stem.with_extension("stdout"));
    let want_err = read_or_empty(&stem.with_extension("stderr"));
    let want_code: i32 = read_or_empty(&stem.with_extension("exitcode")).trim().parse().unwrap_or(0);
    let mut detail = String::new();
    if stdout != want_out {
        detail.push_str(&first_difference("stdout", &want_out, &stdout));
    }
    if stderr != want_err {
        detail.push_str(&first_difference("stderr", &want_err, &stderr));
    }
    if code != Some(want_code) {
        detail.push_str(&format!("  exit status: expected {want_code}, got {code:?}\n"));
    }
    Outcome { name, passed: detail.is_empty() && crashed.is_none(), crashed, detail }
}

fn first_difference(what: &str, want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i), g.get(i));
        if a != b {
            return format!("  {what} line {}: expected {:?}, got {:?}\n", i + 1, a.unwrap_or(&"<end>"), b.unwrap_or(&"<end>"));
        }
    }
    format!("  {what}: differs in trailing newline\n")
}

/// A minimal reader for the `.cmdline` JSON lists of strings.
fn parse_json_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.trim().chars().peekable();
    if chars.next() != Some('[') {
        return out;
    }
    loop {
        match chars.next() {
            Some('"') => {
                let mut item = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => item.push('\n'),
                            Some('t') => item.push('\t'),
                            Some('u') => {
                                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                                    item.push(ch);
                                }
                            }
                            Some(o) => item.push(o),
                            None => break,
                        },
                        o => item.push(o),
                    }
                }
                out.push(item);
            }
            Some(']') | None => break,
            _ => {}
        }
    }
    out
}

#[test]
fn differential_programs() {
    let root = repo_root();
    let exe = env!("CARGO_BIN_EXE_taipan").to_string();
    let stdlib = stdlib_dir();
    let filter = std::env::var("TAIPAN_TEST_FILTER").ok();
    let all: Vec<PathBuf> = programs(&root)
        .into_iter()
        .filter(|p| filter.as_ref().map(|f| p.to_string_lossy().contains(f.as_str())).unwrap_or(true))
        .collect();
    let manifest_path = root.join("tests/expected_failures.txt");
    let manifest: BTreeSet<String> = read_or_empty(&manifest_path)
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let queue = Arc::new(Mutex::new(all.clone()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2) * 2;
    let mut handles = Vec::new();
    for _ in 0..threads {
        let queue = queue.clone();
        let results = results.clone();
        let exe = exe.clone();
        let stdlib = stdlib.clone();
        handles.push(std::thread::spawn(move || loop {
            let next = queue.lock().expect("queue").pop();
            let Some(p) = next else { break };
            let o = run_one(&exe, &p, stdlib.as_deref());
            results.lock().expect("results").push(o);
        }));
    }
    for h in handles {
        h.join().expect("worker");
    }
    let mut results = std::mem::take(&mut *results.lock().expect("results"));
    results.sort_by(|a, b| a.name.cmp(&b.name));
    let mut crashes = Vec::new();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut passed = 0;
    let mut per_area: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for r in &results {
        let area = r.name.split('/').next().unwrap_or("").to_string();
        let e = per_area.entry(area).or_default();
        e.1 += 1;
        if r.passed {
            passed += 1;
            e.0 += 1;
            if manifest.contains(&r.name) {
                now_passing.push(r.name.clone());
            }
        } else if let Some(c) = &r.crashed {
            crashes.push(format!("{}: {}", r.name, c));
        } else if !manifest.contains(&r.name) {
            unexpected.push(format!("{}\n{}", r.name, r.detail));
        }
    }
    println!("differential: {passed}/{} programs pass", results.len());
    for (area, (p, t)) in &per_area {
        println!("  {area:<16} {p:>4}/{t}");
    }
    if std::env::var("TAIPAN_UPDATE_MANIFEST").is_ok() && filter.is_none() {
        let mut text = String::from("# Differential programs that do not match CPython 3.13 yet (see crates/taipan/tests/differential.rs).\n");
        for r in &results {
            if !r.passed {
                text.push_str(&r.name);
                text.push('\n');
            }
        }
        std::fs::write(&manifest_path, text).expect("write manifest");
        println!("rewrote {}", manifest_path.display());
        assert!(crashes.is_empty(), "interpreter crashes:\n{}", crashes.join("\n"));
        return;
    }
    if !now_passing.is_empty() {
        println!("{} programs listed in tests/expected_failures.txt now pass:", now_passing.len());
        for n in &now_passing {
            println!("  {n}");
        }
    }
    let mut msg = String::new();
    if !crashes.is_empty() {
        msg.push_str(&format!("interpreter crashes ({}):\n{}\n", crashes.len(), crashes.join("\n")));
    }
    if !unexpected.is_empty() {
        msg.push_str(&format!("unexpected failures ({}):\n{}\n", unexpected.len(), unexpected.join("\n")));
    }
    assert!(msg.is_empty(), "{msg}");
}
