#!/usr/bin/env bash
# Mutation testing of the eligibility and scoring code (issue 11, "Measure it"). Not run in CI.
#
# Mutates assistant/core/rules.py, engine.py, next_steps.py and scoring.py with mutmut 3 (config in
# pyproject.toml under [tool.mutmut]) and runs only the fast tests that exercise them. Prints the
# killed / survived / timeout / other counts and the score per file and in total.
#
#   benchmarks/mutation.sh              # every mutant (about 2,500; hours on 2 busy cores)
#   SAMPLE=8 benchmarks/mutation.sh     # a fixed sample: mutants numbered 1, 9, 17, ... in each function
#   SAMPLE=8 OFFSET=4 benchmarks/mutation.sh   # another, disjoint sample: numbers 5, 13, 21, ...
#   JOBS=1 benchmarks/mutation.sh       # one worker (default 2)
#   KEEP=1 benchmarks/mutation.sh       # keep mutants/ and the results in it; run only mutants without one
#   benchmarks/mutation.sh --report     # only print the figures of the last run (SAMPLE= as in that run)
#   benchmarks/mutation.sh --survivors  # list the surviving mutants (then: .venv/bin/mutmut show NAME)
#   benchmarks/mutation.sh --rerun-survivors   # after adding tests: run the survivors (and "no tests") again
#
# Needs .venv with the project ('.[test]') and mutmut (pip install mutmut). Writes mutants/ and
# mutants.log (both ignored by git). The score counts killed and timed-out mutants as killed, over all
# mutants checked; "no tests" (code no selected test runs) counts as not killed.
# Note: mutants of code that runs at import (module-level constants such as engine.UNSURE_DOMAIN,
# built through engine._values) cannot be killed by mutmut's trampolines: the module is imported
# before the mutant is switched on.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
MUTMUT=${MUTMUT:-.venv/bin/mutmut}
JOBS=${JOBS:-2}
SAMPLE=${SAMPLE:-1}
OFFSET=${OFFSET:-0}
export RELIEF_TODAY=2026-12-01

# The mutants of this run: all, or every SAMPLE-th in each function (numbers 1, 1+SAMPLE, ...).
names() {  # $1: a status to keep ("" for any)
    "$MUTMUT" results --all true 2>/dev/null | "$PY" -c '
import re, sys
sample, offset, want = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
for line in sys.stdin:
    name, _, status = line.strip().rpartition(": ")
    m = re.search(r"__mutmut_(\d+)$", name)
    if m and (int(m.group(1)) - 1 - offset) % sample == 0 and (not want or status == want):
        print(name)
' "$SAMPLE" "$OFFSET" "$1"
}

run() {  # mutmut run [names...]
    local start end
    start=$(date +%s)
    "$MUTMUT" run --max-children "$JOBS" "$@" >mutants.log 2>&1 || { tail -40 mutants.log; exit 1; }
    end=$(date +%s)
    echo "mutmut run: $((end - start)) s with $JOBS worker(s); log in mutants.log"
}

case "${1:-}" in
--report) ;;
--survivors) names survived; exit 0 ;;
--rerun-survivors)
    mapfile -t todo < <(names survived; names "no tests")
    echo "re-running ${#todo[@]} surviving (or untested) mutants"
    [[ ${#todo[@]} -eq 0 ]] || run "${todo[@]}" ;;
*)
    if [[ -z "${KEEP:-}" ]]; then
        rm -rf mutants
    fi
    if [[ "$SAMPLE" == 1 ]]; then
        run
    else
        [[ -d mutants ]] || { "$MUTMUT" run --max-children "$JOBS" no.such.mutant >/dev/null 2>&1 || true; }
        mapfile -t todo < <(names "not checked")
        echo "sample 1 in $SAMPLE: ${#todo[@]} mutants to run"
        [[ ${#todo[@]} -eq 0 ]] || run "${todo[@]}"
    fi ;;
esac

REPORT=$(cat <<'PYEOF'
import collections, re, sys
sample, offset = int(sys.argv[1]), int(sys.argv[2])
per = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    m = re.match(r"\s*assistant\.(?:core\.)?([a-z_]+)\.\S+__mutmut_(\d+): (.+)$", line.rstrip())
    if m and (int(m.group(2)) - 1 - offset) % sample == 0:
        per[m.group(1) + ".py"][m.group(3).strip()] += 1
tot = collections.Counter()
first = 1 + offset
which = "all" if sample == 1 else f"1 in {sample} (numbers {first}, {first + sample}, ... in each function)"
print(f"mutants: {which}")
cols = ("file", "total", "killed", "timeout", "survived", "no tests", "unchecked", "score")
print("{:16} {:>6} {:>7} {:>8} {:>9} {:>9} {:>10} {:>7}".format(*cols))
def row(name, c):
    total = sum(c.values())
    killed, timeout, survived = c["killed"], c["timeout"] + c["segfault"], c["survived"]
    notests, unchecked = c["no tests"], c["not checked"]
    other = total - killed - timeout - survived - notests - unchecked
    denom = total - unchecked
    score = 100.0 * (killed + timeout) / denom if denom else 0.0
    extra = f"  (other: {other})" if other else ""
    print(f"{name:16} {total:6} {killed:7} {timeout:8} {survived:9} {notests:9} {unchecked:10} {score:6.1f}%{extra}")
for name in sorted(per):
    row(name, per[name])
    tot.update(per[name])
row("TOTAL", tot)
PYEOF
)
"$MUTMUT" results --all true 2>/dev/null | "$PY" -c "$REPORT" "$SAMPLE" "$OFFSET"
