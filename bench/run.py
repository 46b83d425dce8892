"""Compare Taipan against CPython 3.13 on the benchmark programs in bench/.

Usage (from the repository root):

    PYENV_VERSION=3.13.0 python3.13 bench/run.py [--taipan PATH] [--runs N]
                                                 [--markdown] [names...]

Each benchmark is run N times with taipan and N times with the Python that
runs this script (alternating), and the minimum wall time of each is kept.
Both must print the same stdout; otherwise the benchmark is reported as
MISMATCH (or FAILED if taipan exited non-zero or timed out) and left out of
the geometric mean. The ratio is taipan time / python time: lower is better.

Exit status: 0 if every benchmark matched, 1 if any failed or mismatched,
2 for usage errors (unknown benchmark, missing taipan binary).
"""

import argparse
import math
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_TAIPAN = REPO_ROOT / "target" / "release" / "taipan"


def discover():
    return sorted(p.stem for p in BENCH_DIR.glob("*.py") if p.name != "run.py")


def run_once(cmd, env, timeout):
    """Run cmd; return (seconds, returncode, stdout, stderr). returncode is
    None on timeout."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return time.perf_counter() - start, None, out, err
    elapsed = time.perf_counter() - start
    return (elapsed, proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def first_difference(expected, actual):
    exp_lines = expected.splitlines()
    act_lines = actual.splitlines()
    for i in range(max(len(exp_lines), len(act_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<missing>"
        a = act_lines[i] if i < len(act_lines) else "<missing>"
        if e != a:
            return "line %d: python %r, taipan %r" % (i + 1, e, a)
    return "outputs differ"


def tail(text, n=5):
    lines = text.strip().splitlines()
    return "\n".join("    " + line for line in lines[-n:])


def bench_one(name, taipan, runs, env, timeout):
    """Return a result dict: name, status, py, tp (seconds or None), note."""
    path = str(BENCH_DIR / (name + ".py"))
    py_times = []
    tp_times = []
    expected = None
    status = "ok"
    note = ""
    for _ in range(runs):
        t, rc, out, err = run_once([str(taipan), path], env, timeout)
        if rc is None:
            status, note = "FAILED", "taipan timed out after %gs" % timeout
        elif rc != 0:
            status = "FAILED"
            note = "taipan exited with status %d\n%s" % (rc, tail(err))
        else:
            tp_times.append(t)
        taipan_out = out

        t, rc, out, err = run_once([sys.executable, path], env, timeout)
        if rc != 0:
            sys.exit("error: %s failed under %s (status %s):\n%s"
                     % (name, sys.executable, rc, tail(err)))
        py_times.append(t)
        if expected is None:
            expected = out
        elif out != expected:
            sys.exit("error: %s is not deterministic under CPython" % name)

        if status == "ok" and taipan_out != expected:
            status = "MISMATCH"
            note = first_difference(expected, taipan_out)
        if status != "ok":
            break
    return {
        "name": name,
        "status": status,
        "py": min(py_times),
        "tp": min(tp_times) if tp_times and status == "ok" else None,
        "note": note,
    }


def format_rows(results):
    rows = []
    for r in results:
        py = "%.3f" % r["py"]
        if r["status"] == "ok":
            tp = "%.3f" % r["tp"]
            ratio = "%.2fx" % (r["tp"] / r["py"])
        else:
            tp = "-"
            ratio = r["status"]
        rows.append((r["name"], py, tp, ratio))
    return rows


def geomean_line(results):
    ok = [r for r in results if r["status"] == "ok"]
    if not ok:
        return "geometric mean: n/a (no benchmark matched)"
    g = math.exp(sum(math.log(r["tp"] / r["py"]) for r in ok) / len(ok))
    return "geometric mean: %.2fx (%d of %d benchmarks)" % (g, len(ok), len(results))


def print_table(results, markdown):
    header = ("benchmark", "python3.13 (s)", "taipan (s)", "taipan/python")
    rows = format_rows(results)
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * 3) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print()
        print("*" + geomean_line(results) + "; lower is better.*")
        return
    widths = [max(len(header[i]), *(len(row[i]) for row in rows))
              for i in range(4)]

    def fmt(row):
        return "  ".join([row[0].ljust(widths[0])] +
                         [row[i].rjust(widths[i]) for i in range(1, 4)])

    print(fmt(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(fmt(row))
    print()
    print(geomean_line(results) + " (lower is better)")


def main():
    available = discover()
    ap = argparse.ArgumentParser(
        description="Compare Taipan with CPython on bench/*.py.",
        epilog="benchmarks: " + ", ".join(available))
    ap.add_argument("--taipan", default=str(DEFAULT_TAIPAN),
                    help="taipan binary (default: target/release/taipan)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per interpreter; the minimum is kept (default 3)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds allowed per run (default 120)")
    ap.add_argument("--markdown", action="store_true",
                    help="print the table as Markdown")
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = ap.parse_args()

    if args.runs < 1:
        ap.error("--runs must be at least 1")
    unknown = [n for n in args.names if n not in available]
    if unknown:
        print("unknown benchmark(s): %s\navailable: %s"
              % (", ".join(unknown), ", ".join(available)), file=sys.stderr)
        return 2
    taipan = Path(args.taipan)
    if not taipan.is_absolute():
        taipan = (Path.cwd() / taipan) if taipan.exists() else REPO_ROOT / taipan
    if not taipan.is_file():
        print("taipan binary not found: %s\nbuild it first with: cargo build --release"
              % taipan, file=sys.stderr)
        return 2

    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    names = args.names or available
    results = []
    for name in names:
        print("running %s ..." % name, file=sys.stderr, flush=True)
        results.append(bench_one(name, taipan, args.runs, env, args.timeout))

    print_table(results, args.markdown)
    bad = [r for r in results if r["status"] != "ok"]
    if bad:
        print(file=sys.stderr)
        for r in bad:
            print("%s %s: %s" % (r["name"], r["status"], r["note"]), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
