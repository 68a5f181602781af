#!/usr/bin/env bash
# Runs a command several times in a row while a CPU load of twice the core count runs beside it, and prints one line
# per run (exit code, duration, the test platform's counts, load average): the check that tests wait on observable
# state, not on elapsed time.
#
#   scripts/test-under-load.sh [--runs N] [--load-per-core K] [-- command]
#
# Default: 3 runs of the README's test command (`dotnet tool restore && dotnet test Harness.sln`), load 2 per core.
# The load is busy loops, bounded by the script's own lifetime (they stop when it ends,
# also on failure or Ctrl+C). Exit code: 0 when every run exited 0, else 1.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=3
per_core=2
command='dotnet tool restore && dotnet test Harness.sln'
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --load-per-core) per_core=$2; shift 2 ;;
    --) shift; command="$*"; break ;;
    *) echo "test-under-load: unknown argument '$1' (usage: $0 [--runs N] [--load-per-core K] [-- command])" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "test-under-load: --runs must be a positive whole number, not '$runs'" >&2; exit 2; }
[[ $per_core =~ ^[0-9]+$ ]] || { echo "test-under-load: --load-per-core must be a whole number, not '$per_core'" >&2; exit 2; }

loaders=()
stop_load() { ((${#loaders[@]})) && kill "${loaders[@]}" 2>/dev/null; wait 2>/dev/null; }
trap stop_load EXIT
trap 'exit 130' INT TERM
workers=$(( $(nproc) * per_core ))
for _ in $(seq 1 "$workers"); do
  ( while :; do :; done ) &
  loaders+=($!)
done
echo "test-under-load: $workers busy loops on $(nproc) cores; $runs run(s) of: $command"

mkdir -p artifacts/under-load
lines=()
status=0
for run in $(seq 1 "$runs"); do
  log=artifacts/under-load/run-$run.log
  begun=$SECONDS
  bash -c "$command" >"$log" 2>&1
  code=$?
  counts=$(grep -E "^  (total|failed|succeeded|skipped): [0-9]+" "$log" | tail -4 | tr -s ' ' | tr '\n' ' ')
  line="run $run: exit $code after $((SECONDS - begun)) s; ${counts:-no test summary}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "test-under-load: $line"
  lines+=("$line")
  ((code == 0)) || status=1
  if ((code != 0)); then grep -E "^failed " "$log" | head -20 | sed 's/^/test-under-load:   /'; fi
done
printf '%s\n' "${lines[@]}" >artifacts/under-load/summary.txt
exit "$status"
