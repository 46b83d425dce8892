#!/usr/bin/env python3
"""Show how Taipan's output differs from the recorded CPython output.

usage: tools/tdiff.py [--release] AREA/NAME.py ...   (a substring also works)

Runs each matching program of tests/programs the way tests/differential.rs
does and prints a unified diff of stdout, stderr and the exit status.
"""
import difflib, json, os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
args = sys.argv[1:]
profile = "debug"
if args and args[0] == "--release":
    profile = "release"
    args = args[1:]
exe = str(ROOT / "target" / profile / "taipan")
stdlib = subprocess.run(["python3.13", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                        env={**os.environ, "PYENV_VERSION": "3.13.0"}, capture_output=True, text=True).stdout.strip()

def norm(s, area):
    s = s.replace(str(area), "$DIR").replace(stdlib, "$STDLIB").replace(exe, "$EXE")
    return s

progs = sorted((ROOT / "tests/programs").glob("*/*.py"))
for pat in args:
    for p in progs:
        name = f"{p.parent.name}/{p.name}"
        if pat not in name:
            continue
        area = p.parent
        stem = p.with_suffix("")
        cmdline = stem.with_suffix(".cmdline")
        argv = json.loads(cmdline.read_text()) if cmdline.exists() else [p.name]
        stdin = stem.with_suffix(".stdin").read_bytes() if stem.with_suffix(".stdin").exists() else b""
        env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8",
               "PYTHONHASHSEED": "0", "PYENV_VERSION": "3.13.0", "TAIPAN_STDLIB": stdlib}
        try:
            r = subprocess.run([exe] + argv, cwd=area, env=env, input=stdin, capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            print(f"== {name}: TIMEOUT")
            continue
        out = norm(r.stdout.decode(errors="replace"), area)
        err = norm(r.stderr.decode(errors="replace"), area)
        def rd(ext):
            f = stem.with_suffix(ext)
            return f.read_text() if f.exists() else ""
        want_code = int(rd(".exitcode").strip() or 0)
        ok = out == rd(".stdout") and err == rd(".stderr") and r.returncode == want_code
        print(f"== {name}: {'ok' if ok else 'DIFFERS'}")
        if ok:
            continue
        for what, want, got in (("stdout", rd(".stdout"), out), ("stderr", rd(".stderr"), err)):
            if want != got:
                sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"cpython {what}", f"taipan {what}", n=1))
        if r.returncode != want_code:
            print(f"exit status: expected {want_code}, got {r.returncode}")
