"""Record CPython 3.13's behaviour for the differential test programs.

Usage (from the repository root):

    PYENV_VERSION=3.13.0 python3.13 tools/regen_expected.py [PATH ...]

Each PATH is a program (`tests/programs/<area>/<name>.py`) or an area folder;
with no PATH every program under `tests/programs/` is recorded.

A program is a `.py` file directly inside an area folder; sub-folders hold
support modules and are never run themselves.  Beside `<name>.py` this writes

    <name>.stdout     what the program printed (always written)
    <name>.stderr     what it wrote to stderr (only when non-empty)
    <name>.exitcode   its exit status (only when non-zero)

Optional inputs beside the program:

    <name>.stdin      fed to standard input (otherwise stdin is empty)
    <name>.cmdline    a JSON list of arguments that replaces the default
                      `["<name>.py"]` (for `-c`, `-m`, flags, argv tests)

The program runs with its area folder as the working directory, a clean
environment and PYTHONHASHSEED=0.  The absolute path of the area folder is
written as `$DIR`, CPython's standard library folder as `$STDLIB` and the
interpreter's own path as `$EXE`, so the
files do not depend on where the repository or CPython live.  The Rust test
harness (`crates/taipan/tests/differential.rs`) applies the same rules.
"""

import json
import os
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
STDLIB = sysconfig.get_paths()["stdlib"]
TIMEOUT = 60


def programs_under(path):
    path = os.path.abspath(path)
    if path.endswith(".py") and os.path.isfile(path):
        return [path]
    if path == os.path.abspath(PROGRAMS):
        areas = sorted(os.path.join(path, d) for d in os.listdir(path)
                       if os.path.isdir(os.path.join(path, d)))
    else:
        areas = [path]
    found = []
    for area in areas:
        for name in sorted(os.listdir(area)):
            full = os.path.join(area, name)
            if name.endswith(".py") and os.path.isfile(full):
                found.append(full)
    return found


def normalize(text, area):
    text = text.replace(STDLIB, "$STDLIB")
    text = text.replace(sys.executable, "$EXE")
    return text.replace(area, "$DIR")


def record(program):
    area = os.path.dirname(program)
    stem = program[:-3]
    name = os.path.basename(program)
    args = [name]
    if os.path.exists(stem + ".cmdline"):
        with open(stem + ".cmdline", encoding="utf-8") as f:
            args = json.load(f)
    stdin = b""
    if os.path.exists(stem + ".stdin"):
        with open(stem + ".stdin", "rb") as f:
            stdin = f.read()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYENV_VERSION": "3.13.0",
    }
    try:
        proc = subprocess.run([sys.executable, *args], cwd=area, input=stdin,
                              capture_output=True, env=env, timeout=TIMEOUT)
        out, err, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired:
        print(f"TIMEOUT {program}", file=sys.stderr)
        return
    out = normalize(out.decode("utf-8", "surrogateescape"), area)
    err = normalize(err.decode("utf-8", "surrogateescape"), area)
    with open(stem + ".stdout", "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(out)
    for suffix, content in ((".stderr", err), (".exitcode", "" if code == 0 else f"{code}\n")):
        if content:
            with open(stem + suffix, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(content)
        elif os.path.exists(stem + suffix):
            os.remove(stem + suffix)


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("run this with python3.13 (PYENV_VERSION=3.13.0 python3.13 ...)")
    paths = sys.argv[1:] or [PROGRAMS]
    count = 0
    for path in paths:
        for program in programs_under(path):
            record(program)
            count += 1
    print(f"recorded {count} programs")


if __name__ == "__main__":
    main()
