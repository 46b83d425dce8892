//! The `taipan` command: CPython's command line (`Modules/main.c`) over the embedding API.

mod lineedit;

use std::io::{BufRead, IsTerminal, Read, Write};

use taipan::vm::Config;
use taipan::Interpreter;

const USAGE: &str = "usage: taipan [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

enum Run {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

fn usage_error(msg: &str) -> ! {
    eprintln!("{msg}");
    eprint!("{USAGE}Try `taipan -h' for more information.\n");
    std::process::exit(2);
}

/// Where CPython 3.13's standard library is: `TAIPAN_STDLIB`, then `python3.13` on PATH,
/// then pyenv and the usual prefixes.
fn find_stdlib(searched: &mut Vec<String>) -> Option<String> {
    let ok = |p: &std::path::Path| p.join("os.py").is_file() && p.join("functools.py").is_file();
    if let Ok(p) = std::env::var("TAIPAN_STDLIB") {
        searched.push(format!("$TAIPAN_STDLIB={p}"));
        if ok(std::path::Path::new(&p)) {
            return Some(p);
        }
    }
    if let Ok(path) = std::env::var("PATH") {
        for dir in path.split(':') {
            let exe = std::path::Path::new(dir).join("python3.13");
            if exe.is_file() {
                if let Ok(real) = std::fs::canonicalize(&exe) {
                    if let Some(prefix) = real.parent().and_then(|b| b.parent()) {
                        let lib = prefix.join("lib/python3.13");
                        searched.push(lib.to_string_lossy().into_owned());
                        if ok(&lib) {
                            return Some(lib.to_string_lossy().into_owned());
                        }
                    }
                }
            }
        }
    }
    let mut roots = Vec::new();
    if let Ok(r) = std::env::var("PYENV_ROOT") {
        roots.push(std::path::PathBuf::from(r));
    }
    if let Ok(h) = std::env::var("HOME") {
        roots.push(std::path::Path::new(&h).join(".pyenv"));
    }
    roots.push(std::path::PathBuf::from("/root/.pyenv"));
    for root in roots {
        let versions = root.join("versions");
        let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(&versions)
            .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.file_name().map(|n| n.to_string_lossy().starts_with("3.13")).unwrap_or(false)).collect())
            .unwrap_or_default();
        found.sort();
        for v in found {
            let lib = v.join("lib/python3.13");
            searched.push(lib.to_string_lossy().into_owned());
            if ok(&lib) {
                return Some(lib.to_string_lossy().into_owned());
            }
        }
    }
    for p in ["/usr/local/lib/python3.13", "/usr/lib/python3.13", "/opt/homebrew/lib/python3.13"] {
        searched.push(p.to_string());
        if ok(std::path::Path::new(p)) {
            return Some(p.to_string());
        }
    }
    None
}

fn main() {
    // Python runs on a thread with a large stack; the VM's native-stack guard turns deep
    // native recursion into RecursionError well before it is exhausted.
    const STACK: usize = 1 << 30;
    let launcher_pid = std::process::id();
    let child = std::thread::Builder::new().stack_size(STACK).spawn(move || {
        let code = real_main();
        if code == 130 && taipan::runtime::signals::UNHANDLED_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = std::io::stdout().flush();
            taipan::runtime::signals::die_by_sigint();
        }
        // A process made by os.fork() has only this thread: nobody joins it, so it
        // exits here.
        if std::process::id() != launcher_pid {
            std::process::exit(code);
        }
        code
    });
    let code = match child {
        Ok(h) => {
            // Signals go to the Python thread (where they interrupt blocking calls).
            taipan::runtime::signals::block_in_this_thread();
            h.join().unwrap_or(70)
        }
        Err(_) => real_main(),
    };
    std::process::exit(code);
}

fn real_main() -> i32 {
    let base_marker = 0u8;
    let stack_base = &base_marker as *const u8 as usize;
    let argv: Vec<String> = std::env::args().collect();
    let exe = argv.first().cloned().unwrap_or_else(|| "taipan".into());
    let mut config = Config::default();
    let mut i = 1;
    let mut run: Option<Run> = None;
    while i < argv.len() {
        let a = &argv[i];
        if a == "-" {
            run = Some(Run::Stdin);
            break;
        }
        if !a.starts_with('-') || a.len() == 1 {
            break;
        }
        if a == "--version" {
            println!("Python 3.13.0");
            return 0;
        }
        if a == "--help" {
            print!("{USAGE}");
            return 0;
        }
        if a.starts_with("--") {
            usage_error(&format!("unknown option {a}"));
        }
        let chars: Vec<char> = a.chars().skip(1).collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            let take_arg = |i: &mut usize| -> String {
                if !rest.is_empty() {
                    rest.clone()
                } else {
                    *i += 1;
                    match argv.get(*i) {
                        Some(v) => v.clone(),
                        None => usage_error(&format!("Argument expected for the -{c} option")),
                    }
                }
            };
            match c {
                'c' => {
                    run = Some(Run::Command(take_arg(&mut i)));
                    break;
                }
                'm' => {
                    run = Some(Run::Module(take_arg(&mut i)));
                    break;
                }
                'X' => {
                    let x = take_arg(&mut i);
                    if x == "dev" {
                        config.dev_mode = true;
                    }
                    config.xoptions.push(x);
                    break;
                }
                'W' => {
                    let w = take_arg(&mut i);
                    config.warnoptions.push(w);
                    break;
                }
                'i' => {
                    config.inspect = true;
                    config.interactive = true;
                }
                'u' => config.unbuffered = true,
                'B' => config.dont_write_bytecode = true,
                'E' => config.ignore_environment = true,
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                    config.no_user_site = true;
                    config.safe_path = true;
                }
                'q' => config.quiet = true,
                'O' => config.optimize += 1,
                'v' => config.verbose += 1,
                's' => config.no_user_site = true,
                'S' => config.no_site = true,
                'P' => config.safe_path = true,
                'b' | 'd' | 'R' => {}
                'V' => {
                    println!("Python 3.13.0");
                    return 0;
                }
                'h' | '?' => {
                    print!("{USAGE}");
                    return 0;
                }
                other => usage_error(&format!("Unknown option: -{other}")),
            }
            j += 1;
        }
        i += 1;
        if run.is_some() {
            break;
        }
    }
    let in_repl = matches!(run, None | Some(Run::Stdin));
    let rest: Vec<String> = argv[i.min(argv.len())..].to_vec();
    let run = match run {
        Some(r) => r,
        None => match rest.first() {
            Some(f) if f != "-" => Run::File(f.clone()),
            _ => Run::Stdin,
        },
    };
    let script_args = match &run {
        Run::File(_) => rest.clone(),
        Run::Stdin => {
            let mut v = vec![if rest.first().map(|s| s == "-").unwrap_or(false) { "-".to_string() } else { String::new() }];
            v.extend(rest.iter().skip(if rest.first().map(|s| s == "-").unwrap_or(false) { 1 } else { 0 }).cloned());
            v
        }
        Run::Command(_) => {
            let mut v = vec!["-c".to_string()];
            v.extend(rest.iter().cloned());
            v
        }
        Run::Module(_) => {
            let mut v = vec![String::from("-m")];
            v.extend(rest.iter().cloned());
            v
        }
    };
    config.argv = script_args;
    config.executable = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| exe.clone());
    if !config.ignore_environment {
        if let Ok(seed) = std::env::var("PYTHONHASHSEED") {
            if seed != "random" {
                config.hash_seed = seed.parse().ok();
            }
        }
        if std::env::var("PYTHONUNBUFFERED").map(|v| !v.is_empty()).unwrap_or(false) {
            config.unbuffered = true;
        }
        if std::env::var("PYTHONDONTWRITEBYTECODE").map(|v| !v.is_empty()).unwrap_or(false) {
            config.dont_write_bytecode = true;
        }
        if std::env::var("PYTHONDEVMODE").map(|v| !v.is_empty()).unwrap_or(false) {
            config.dev_mode = true;
        }
        if std::env::var("PYTHONSAFEPATH").map(|v| !v.is_empty()).unwrap_or(false) {
            config.safe_path = true;
        }
    }
    let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let mut path = Vec::new();
    if !config.safe_path {
        match &run {
            Run::File(f) => {
                let abs = std::path::Path::new(&cwd).join(f);
                let dir = abs.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                path.push(dir);
            }
            Run::Module(_) => path.push(cwd.clone()),
            _ => path.push(String::new()),
        }
    }
    if !config.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    config.path = path;
    let mut searched = Vec::new();
    config.stdlib = find_stdlib(&mut searched);
    config.stdlib_searched = searched;
    let interactive_stdin = std::io::stdin().is_terminal();
    let inspect = config.inspect;
    let quiet = config.quiet;
    let mut interp = match Interpreter::new(config) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("taipan: {e}");
            return 1;
        }
    };
    interp.vm.set_stack_limit(stack_base, (1 << 30) - (64 << 20));
    if !interp.vm.config.no_site {
        // Errors here (a broken standard library) leave the names undefined, as CPython.
        let _ = install_site_builtins(&mut interp.vm);
    }
    let status = match run {
        Run::Command(cmd) => {
            if interp.vm.config.stdlib.is_some() {
                let _ = taipan::vm::traceback::register_in_linecache(&mut interp.vm, "<string>", &cmd);
            } else {
                taipan::vm::traceback::register_named_source("<string>", &cmd);
            }
            interp.run_source(&cmd, "<string>")
        }
        Run::Module(m) => run_module(&mut interp, &m),
        Run::File(f) => {
            let abs = std::path::Path::new(&cwd).join(&f);
            let shown = abs.to_string_lossy().into_owned();
            match std::fs::read(&f) {
                Ok(bytes) => match taipan::vm::source::decode_source(&mut interp.vm, &bytes, taipan::vm::source::Origin::ScriptFile(&shown)) {
                    Ok(src) => interp.run_source(&src, &shown),
                    Err(e) => {
                        let status = interp.vm.handle_uncaught(e);
                        interp.finish(status)
                    }
                },
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    let msg = taipan::objects::exceptions::strerror(errno).unwrap_or_else(|| e.to_string());
                    eprintln!("{exe}: can't open file '{shown}': [Errno {errno}] {msg}");
                    2
                }
            }
        }
        Run::Stdin => {
            if interactive_stdin || inspect {
                repl(&mut interp, interactive_stdin, quiet)
            } else {
                let mut src = Vec::new();
                let _ = std::io::stdin().read_to_end(&mut src);
                let s = String::from_utf8_lossy(&src).into_owned();
                interp.run_source(&s, "<stdin>")
            }
        }
    };
    if inspect && !in_repl && !matches!(status, 2) {
        return repl(&mut interp, interactive_stdin, true);
    }
    status
}

/// What `site.main()` adds to builtins (`setquit`, `setcopyright`, `sethelper`): `exit`,
/// `quit`, `copyright`, `credits`, `license` and `help`, from `_sitebuiltins`.
/// NOTE: `site` itself is not imported at start-up (its `.pth` processing and path
/// computations are skipped; `sys.path` already holds the standard library and
/// site-packages).
fn install_site_builtins(vm: &mut taipan::vm::Vm) -> taipan::vm::PyResult<()> {
    use taipan::objects::list::PyList;
    use taipan::objects::str::new_str;
    use taipan::vm::{call::call, ops::getattr_str};
    let Some(stdlib) = vm.config.stdlib.clone() else { return Ok(()) };
    let sb = taipan::vm::import::import_module(vm, "_sitebuiltins")?;
    let builtins = vm.builtins.clone();
    let set = |vm: &mut taipan::vm::Vm, name: &str, v: taipan::runtime::value::Value| taipan::vm::ops::setattr(vm, &builtins, &taipan::objects::str::intern(name), Some(&v));
    let quitter = getattr_str(vm, &sb, "Quitter")?;
    for name in ["quit", "exit"] {
        let q = call(vm, &quitter, &[new_str(name), new_str("Ctrl-D (i.e. EOF)")])?;
        set(vm, name, q)?;
    }
    let printer = getattr_str(vm, &sb, "_Printer")?;
    let copyright = taipan::modules::sys::get_sys_attr(vm, "copyright").unwrap_or_else(|| new_str(""));
    let c = call(vm, &printer, &[new_str("copyright"), copyright])?;
    set(vm, "copyright", c)?;
    let credits = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";
    let c = call(vm, &printer, &[new_str("credits"), new_str(credits)])?;
    set(vm, "credits", c)?;
    let files = PyList::new_value(vec![new_str("LICENSE.txt"), new_str("LICENSE")]);
    let dirs = PyList::new_value(vec![new_str(&format!("{stdlib}/..")), new_str(&stdlib), new_str(".")]);
    let l = call(vm, &printer, &[new_str("license"), new_str("See https://www.python.org/psf/license/"), files, dirs])?;
    set(vm, "license", l)?;
    let helper = getattr_str(vm, &sb, "_Helper")?;
    let h = call(vm, &helper, &[])?;
    set(vm, "help", h)?;
    Ok(())
}

/// `-m module`: `runpy._run_module_as_main(module, True)`, called directly as CPython's
/// `pymain_run_module` does (no `<string>` frame in tracebacks).
fn run_module(interp: &mut Interpreter, name: &str) -> i32 {
    if interp.vm.config.stdlib.is_none() {
        // Without the standard library: find `name.py` on sys.path and run it as __main__.
        for dir in interp.vm.config.path.clone() {
            let p = std::path::Path::new(if dir.is_empty() { "." } else { &dir }).join(format!("{name}.py"));
            if let Ok(src) = std::fs::read_to_string(&p) {
                return interp.run_source(&src, &p.to_string_lossy());
            }
        }
        eprintln!("{}: No module named {name}", interp.vm.config.executable);
        return 1;
    }
    let vm = &mut interp.vm;
    let result = taipan::vm::import::import_module(vm, "runpy").and_then(|runpy| {
        let f = taipan::vm::ops::getattr_str(vm, &runpy, "_run_module_as_main")?;
        let args = [taipan::objects::str::new_str(name), taipan::objects::singletons::bool_value(true)];
        taipan::vm::call::call(vm, &f, &args)
    });
    let result = result.and_then(|v| interp.vm.run_pending().map(|_| v));
    let status = match result {
        Ok(_) => 0,
        Err(e) => interp.vm.handle_uncaught(e),
    };
    interp.finish(status)
}

/// The interactive loop: prompts, continuation lines, echo of expression values.
fn repl(interp: &mut Interpreter, tty: bool, quiet: bool) -> i32 {
    if !quiet {
        eprintln!("Python 3.13.0 (taipan 0.1.0) [Rust] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    // The prompts are `sys.ps1` and `sys.ps2` (set here unless the program did).
    for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
        if taipan::modules::sys::get_sys_attr(&interp.vm, name).is_none() {
            taipan::modules::sys::set_sys_attr(&interp.vm, name, taipan::objects::str::new_str(default));
        }
    }
    // A terminal on both ends gets line editing and history (`~/.python_history`,
    // not read or written with -I).
    let mut editor = (tty && std::io::stdout().is_terminal()).then(|| lineedit::LineEditor::new(!interp.vm.config.isolated));
    let stdin = std::io::stdin();
    let mut buffer = String::new();
    loop {
        let which = if buffer.is_empty() { "ps1" } else { "ps2" };
        let prompt = match taipan::modules::sys::get_sys_attr(&interp.vm, which) {
            Some(p) => taipan::vm::ops::str_string(&mut interp.vm, &p).unwrap_or_default(),
            None => String::new(),
        };
        let _ = interp.vm.run_pending();
        interp.vm.flush_std_streams();
        let mut line = String::new();
        let got = match editor.as_mut() {
            Some(ed) => match ed.read_line(&prompt) {
                Ok(lineedit::Line::Text(t)) => {
                    line = t + "\n";
                    Ok(line.len())
                }
                Ok(lineedit::Line::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    buffer.clear();
                    continue;
                }
                Ok(lineedit::Line::Eof) => Ok(0),
                Err(e) => Err(e),
            },
            None => {
                if tty {
                    print!("{prompt}");
                    let _ = std::io::stdout().flush();
                } else {
                    eprint!("{prompt}");
                }
                stdin.lock().read_line(&mut line)
            }
        };
        match got {
            Ok(0) | Err(_) => {
                // A statement still being typed at end of input is run, as CPython does.
                if !buffer.trim().is_empty() {
                    if tty {
                        println!();
                    } else {
                        eprintln!();
                    }
                    let src = std::mem::take(&mut buffer);
                    let src = if src.ends_with('\n') { src } else { format!("{src}\n") };
                    if let Some(status) = run_interactive(interp, &src) {
                        return status;
                    }
                    let _ = interp.vm.run_pending();
                    interp.vm.flush_std_streams();
                    let ps1 = taipan::modules::sys::get_sys_attr(&interp.vm, "ps1")
                        .and_then(|p| taipan::vm::ops::str_string(&mut interp.vm, &p).ok())
                        .unwrap_or_default();
                    if tty {
                        print!("{ps1}");
                    } else {
                        eprint!("{ps1}");
                    }
                }
                if !tty {
                    eprintln!();
                } else {
                    println!();
                }
                break;
            }
            Ok(_) => {}
        }
        buffer.push_str(&line);
        if !statement_complete(&mut interp.vm, &buffer, line.trim().is_empty()) {
            continue;
        }
        let src = std::mem::take(&mut buffer);
        if let Some(status) = run_interactive(interp, &src) {
            return status;
        }
    }
    interp.finish(0)
}

/// Whether the lines typed so far form a statement to run now (CPython's interactive
/// tokenizer rules): a compound statement ends with a blank line, a simple one as soon
/// as its brackets and strings are closed; input that can never become valid is run
/// (to report its SyntaxError) without waiting.
fn statement_complete(vm: &mut taipan::vm::Vm, buffer: &str, blank_line: bool) -> bool {
    if buffer.trim().is_empty() {
        return true;
    }
    let first = buffer.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim_start();
    let word: String = first.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let compound = first.starts_with('@')
        || matches!(word.as_str(), "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async")
        || (word == "match" && first.trim_end().ends_with(':'));
    if taipan_compiler::is_incomplete_input(buffer) {
        // More input helps only if the error is about the input ending too early.
        match taipan::compile_source(vm, buffer, "<stdin>", taipan_compiler::Mode::Single) {
            Ok(_) => {}
            Err(e) => {
                let msg = taipan::vm::ops::getattr_str(vm, &e.exc, "msg")
                    .ok()
                    .and_then(|m| taipan::objects::str::as_str(&m).map(str::to_string))
                    .unwrap_or_default();
                let early_end = msg.contains("was never closed")
                    || msg.contains("unterminated triple-quoted")
                    || msg.contains("unexpected EOF")
                    || (!blank_line && msg.contains("expected an indented block"));
                if early_end {
                    return false;
                }
                return true;
            }
        }
    }
    !compound || blank_line
}

/// Compiles and runs one interactive statement; `Some(status)` when it raised SystemExit.
fn run_interactive(interp: &mut Interpreter, src: &str) -> Option<i32> {
    {
        if src.trim().is_empty() {
            return None;
        }
        let vm = &mut interp.vm;
        let result = taipan::compile_source(vm, src, "<stdin>", taipan_compiler::Mode::Single).and_then(|code| {
            if let Some(c) = code.downcast::<taipan::objects::code::PyCode>() {
                taipan::vm::traceback::register_interactive_source(&c.code, src);
            }
            let g = vm.main_dict();
            let frame = taipan::vm::frame::Frame::for_module(code, g.clone(), Some(g), vm.builtins_dict.clone());
            vm.run_frame(frame)
        });
        if let Err(e) = result {
            if e.exc.ty().is_subtype(&taipan::objects::exceptions::SYSTEM_EXIT) {
                let status = interp.vm.handle_uncaught(e);
                return Some(interp.finish(status));
            }
            interp.vm.handle_uncaught(e);
        }
    }
    None
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
