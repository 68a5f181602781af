#!/usr/bin/env bash
# Checks that runs of the conformance suite on the emulated backend leave nothing behind, however they end.
#
# Usage: scripts/check-no-leaks.sh [--tag TAG] [--only CASE[,CASE...]] [--repeat N] [--no-build] [--timeout SECONDS]
#                                 [--keep-scratch]
# --repeat N runs the four interrupt cases N times (a leak that depends on timing shows as a rate).
#
# Cases, in order (each one run with the scenarios tagged TAG, default "exec": six scenarios, about 15 s):
#   normal        `dotnet test` that ends normally                       → no container process, no run directory
#   failed        `dotnet test` whose scenarios fail (the target app runs with its fault API off, so every fault
#                 injection fails while the pods are up)                  → nothing left
#   keep          the failing run with HARNESS_KEEP_ON_FAILURE=1          → the failed scenarios' processes stay up,
#                 the output says how to reach them (checked: the process groups are alive, the pod answers HTTP)
#   sweep-kept    the next run (the suite's executable, so its output shows) → says it removed the kept groups; nothing left
#   sigint-test   SIGINT to the `dotnet test` process only, once target-app processes exist         → nothing left
#   ctrlc-test    Ctrl+C at a terminal (SIGINT to the foreground process group of a pty) for `dotnet test` → nothing left
#   sigint-ps1    SIGINT to the pwsh process of `dotnet pwsh run-tests.ps1` only (the script interrupts its dotnet
#                 child once; the outer `dotnet` muxer itself ignores SIGINT)                          → nothing left
#   ctrlc-ps1     Ctrl+C at a terminal for `dotnet pwsh run-tests.ps1`                             → nothing left
#   sigkill-host  SIGKILL to the test host once target-app processes exist: its containers survive (nothing can
#                 clean up after SIGKILL) and are listed
#   sweep-killed  the next run (`dotnet test --output detailed`) removes them; nothing left. Whether `dotnet test`
#                 shows the harness saying so is reported (a passing run hides the test host's own output).
#
# "Left" means: a process whose HOME or working directory is under this check's emulated root (every emulated
# container gets a private HOME there), a live process group recorded in a run directory's groups/*.json, a run
# directory, or this run's loopback subnet claim. Docker: when an engine answers, no container labelled
# probe-harness/run may remain (K3s); without Docker that check is skipped and said so.
#
# Everything runs in a scratch folder of its own (LEAK_CHECK_DIR, default artifacts/reliability/leak-check):
# HARNESS_EMULATED_ROOT, the scenario records and reports, so runs of other people on the machine are never touched
# and never counted. Every wait is bounded (--timeout, default 600 s for one run). Exit code 0 when every case held,
# 1 with the list of what leaked, 2 when the check itself could not run (bad arguments, build failed, no Linux /proc).
set -uo pipefail

readonly REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TAG=exec
ONLY=all
BUILD=1
RUN_TIMEOUT=600
KEEP_SCRATCH=0
REPEAT=1
readonly ALL_CASES=(normal failed keep sweep-kept sigint-test ctrlc-test sigint-ps1 ctrlc-ps1 sigkill-host sweep-killed)

usage() { sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --tag) TAG=${2:?--tag needs a value}; shift 2 ;;
        --only) ONLY=${2:?--only needs a value}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --timeout) RUN_TIMEOUT=${2:?--timeout needs a value}; shift 2 ;;
        --keep-scratch) KEEP_SCRATCH=1; shift ;;
        --repeat) REPEAT=${2:?--repeat needs a value}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "check-no-leaks: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "check-no-leaks: --repeat '$REPEAT' is not a whole number ≥ 1" >&2; exit 2; }
[[ "$RUN_TIMEOUT" =~ ^[1-9][0-9]*$ ]] || { echo "check-no-leaks: --timeout '$RUN_TIMEOUT' is not a whole number of seconds" >&2; exit 2; }
[[ "$TAG" =~ ^[A-Za-z0-9][A-Za-z0-9_.:-]*$ ]] || { echo "check-no-leaks: --tag '$TAG' is not a Gherkin tag" >&2; exit 2; }
if [[ "$ONLY" != all ]]; then
    for case_name in ${ONLY//,/ }; do
        [[ " ${ALL_CASES[*]} " == *" $case_name "* ]] || { echo "check-no-leaks: --only: unknown case '$case_name'; cases: ${ALL_CASES[*]}" >&2; exit 2; }
    done
fi
[[ -d /proc/self ]] || { echo "check-no-leaks: needs Linux /proc" >&2; exit 2; }
for tool in dotnet setsid script curl; do
    command -v "$tool" >/dev/null || { echo "check-no-leaks: '$tool' is not on PATH" >&2; exit 2; }
done

readonly SCRATCH=${LEAK_CHECK_DIR:-$REPO/artifacts/reliability/leak-check}
readonly EMU_ROOT=$SCRATCH/emulated
readonly SUITE=$REPO/steps/ProbeHarness.Steps.csproj
readonly SUBNET_CLAIMS=${TMPDIR:-/tmp}/probe-harness/subnets
FAILURES=()
SUMMARY=()
CHECK_START=$SECONDS

say() { printf 'check-no-leaks: %s\n' "$*"; }
fail() { FAILURES+=("$1: $2"); say "FAIL $1: $2"; }
note() { SUMMARY+=("| $1 | $2 | $3 |"); }
wants() { [[ "$ONLY" == all || ",$ONLY," == *",$1,"* ]]; }

# --- what a run can leave behind -------------------------------------------------------------------------------

# Processes of this check's emulated containers: HOME (set by the emulated runtime for every container) or the
# working directory under EMU_ROOT. The harness itself has neither, so it never counts.
container_processes() {
    local file pid
    {
        grep -lszF "HOME=$EMU_ROOT/" /proc/[0-9]*/environ
        ls -l /proc/[0-9]*/cwd 2>/dev/null | grep -F " -> $EMU_ROOT/" | grep -o '/proc/[0-9]*/cwd'
    } | while read -r file; do
        pid=${file#/proc/}
        pid=${pid%%/*}
        [[ -d /proc/$pid ]] && printf '%s %s\n' "$pid" "$(tr '\0' ' ' 2>/dev/null </proc/"$pid"/cmdline | cut -c1-160)"
    done | sort -un -k1,1
}

# Live process groups named in the ledger files (groups/<pgid>.json) of every run directory.
ledger_groups() {
    local file pgid
    for file in "$EMU_ROOT"/*/groups/*.json; do
        [[ -f $file ]] || continue
        pgid=$(sed -n 's/.*"processGroupId": *\([0-9][0-9]*\).*/\1/p' "$file" | head -1)
        [[ -n $pgid && $pgid -gt 1 ]] && kill -0 -- "-$pgid" 2>/dev/null && printf '%s %s\n' "$pgid" "$file"
    done
}

run_directories() { find "$EMU_ROOT" -mindepth 1 -maxdepth 1 -type d 2>/dev/null; }

# Subnet claims owned by a given harness pid (a run that ended normally gives its claim up).
subnet_claims_of() {
    local pid=$1 file
    for file in "$SUBNET_CLAIMS"/*.lock; do
        [[ -f $file ]] && grep -q "\"processId\": *$pid[,}[:space:]]" "$file" && echo "$file"
    done
}

docker_leftovers() {
    if ! timeout 10 docker info >/dev/null 2>&1; then
        echo "skipped"
        return
    fi
    timeout 20 docker ps -a --filter label=probe-harness/run --format '{{.ID}} {{.Image}} {{.Status}}' 2>/dev/null
}

# Checks that nothing is left; $2 = "allow-dirs" lets empty run directories (no live group) pass, as after SIGINT.
expect_nothing_left() {
    local case_name=$1 mode=${2:-strict} processes groups dirs docker
    processes=$(container_processes)
    groups=$(ledger_groups)
    dirs=$(run_directories)
    docker=$(docker_leftovers)
    local ok=1
    if [[ -n $processes ]]; then ok=0; fail "$case_name" "container processes left:"$'\n'"$processes"; fi
    if [[ -n $groups ]]; then ok=0; fail "$case_name" "live process groups in the ledger:"$'\n'"$groups"; fi
    if [[ -n $dirs && $mode == strict ]]; then ok=0; fail "$case_name" "run directories left:"$'\n'"$dirs"; fi
    if [[ -n $dirs && $mode != strict ]]; then say "note $case_name: run directory left without live processes (the next run deletes it): $dirs"; fi
    if [[ $docker != skipped && -n $docker ]]; then ok=0; fail "$case_name" "Docker containers labelled probe-harness/run left:"$'\n'"$docker"; fi
    [[ $docker == skipped ]] && DOCKER_NOTE="no Docker engine answered: K3s container check skipped"
    return $((1 - ok))
}

# --- running the suite ----------------------------------------------------------------------------------------

common_env() {
    export HARNESS_BACKEND=emulated
    export HARNESS_EMULATED_ROOT=$EMU_ROOT
    export HARNESS_RESULTS_DIR=$SCRATCH/results/$1
    export HARNESS_REPORT_DIR=$SCRATCH/report/$1
    export HARNESS_KEEP_ON_FAILURE=0
    unset HARNESS_EMULATED_IMAGES
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

# `dotnet test` of the suite for the tag, as an array (paths may hold spaces).
DOTNET_TEST=()
set_dotnet_test() { DOTNET_TEST=(dotnet test --project "$SUITE" --no-build --no-progress --no-ansi --filter "Category=$TAG" "$@"); }

suite_executable() {
    ls -t "$REPO"/steps/bin/*/net10.0/ProbeHarness.Steps 2>/dev/null | head -1
}

# Waits until $1 (a child of this shell) has ended, at most $2 seconds; sets EXIT_CODE to its exit code or "timeout".
EXIT_CODE=""
wait_for_exit() {
    local pid=$1 limit=$2 start=$SECONDS
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS - start >= limit)); then
            EXIT_CODE=timeout
            return
        fi
        sleep 0.5
    done
    wait "$pid" 2>/dev/null
    EXIT_CODE=$?
}

# Waits until process $1 (not a child of this shell) has ended, at most $2 seconds.
wait_for_process_end() {
    local pid=$1 limit=$2 start=$SECONDS
    while [[ -d /proc/$pid ]] && [[ $(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$pid/stat" 2>/dev/null) != Z ]]; do
        ((SECONDS - start >= limit)) && return 1
        sleep 0.25
    done
    return 0
}

# Waits until a target-app container of this check runs while $1 (the launched pid) is still running; prints the
# seconds it took, or fails with why.
wait_for_target_app() {
    local pid=$1 start=$SECONDS
    while ((SECONDS - start < RUN_TIMEOUT)); do
        if [[ $(container_processes) == *ProbeHarness.TargetApp* ]]; then
            echo $((SECONDS - start))
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.25
    done
    return 2
}

# The pid of the live harness process that owns the newest run directory (owner.json); earlier cases' directories
# whose owner is gone are skipped.
newest_owner_pid() {
    local dir owner
    for dir in $(ls -td "$EMU_ROOT"/*/ 2>/dev/null); do
        owner=$(sed -n 's/.*"processId": *\([0-9][0-9]*\).*/\1/p' "$dir/owner.json" 2>/dev/null | head -1)
        if [[ -n $owner && -d /proc/$owner ]]; then
            echo "$owner"
            return
        fi
    done
}

# Kills what a case could not stop, so the next case starts clean (only this check's own processes).
cleanup_session() {
    local sid=$1
    [[ -n $sid ]] && kill -KILL -- "-$sid" 2>/dev/null
    local pid
    while read -r pid _; do
        [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null
    done < <(container_processes)
    local dir owner
    for dir in "$EMU_ROOT"/*/; do
        [[ -d $dir ]] || continue
        owner=$(sed -n 's/.*"processId": *\([0-9][0-9]*\).*/\1/p' "$dir/owner.json" 2>/dev/null | head -1)
        [[ -n $owner && -d /proc/$owner ]] || rm -rf "$dir"
    done
}

# The first descendant of $1 whose command line contains $2.
descendant_matching() {
    local queue=("$1") pid child
    while ((${#queue[@]})); do
        pid=${queue[0]}
        queue=("${queue[@]:1}")
        for child in $(pgrep -P "$pid"); do
            if [[ $(tr '\0' ' ' 2>/dev/null <"/proc/$child/cmdline") == *"$2"* ]]; then
                echo "$child"
                return
            fi
            queue+=("$child")
        done
    done
}

# The foreground process group of the terminal that $1 (a child of `script`) runs on.
foreground_group_of() {
    local child
    child=$(pgrep -P "$1" | head -1)
    [[ -n $child ]] && awk '{ sub(/^.*\) /, ""); print $6 }' "/proc/$child/stat" 2>/dev/null
}

# Runs one interrupted run: $1 case, $2 how (pid|terminal), $3.. the command.
interrupt_case() {
    local case_name=$1 how=$2
    shift 2
    common_env "$case_name"
    local log=$SCRATCH/$case_name.log pid waited started code
    started=$SECONDS
    # A background command of a script starts with SIGINT ignored (POSIX); env resets it, as a terminal's job has it.
    if [[ $how == terminal ]]; then
        # script(1) gives the command a pty of its own; Ctrl+C there is SIGINT to the pty's foreground process group.
        setsid script -qefc "$(printf '%q ' env --default-signal=INT "$@")" /dev/null >"$log" 2>&1 </dev/null &
    else
        setsid env --default-signal=INT "$@" >"$log" 2>&1 </dev/null &
    fi
    pid=$!
    if ! waited=$(wait_for_target_app "$pid"); then
        fail "$case_name" "no target-app process appeared before the run ended or within $RUN_TIMEOUT s (log: $log)"
        cleanup_session "$pid"
        return
    fi
    local target host
    host=$(newest_owner_pid)
    if [[ $how == terminal ]]; then
        target=$(foreground_group_of "$pid")
        [[ -n $target ]] || { fail "$case_name" "could not find the terminal's foreground process group"; cleanup_session "$pid"; return; }
        say "$case_name: target app up after ${waited} s; Ctrl+C (SIGINT to process group $target)"
        kill -INT -- "-$target"
    elif [[ $how == pwsh ]]; then
        # `dotnet pwsh` is the dotnet muxer → PowerShell's tool shim → pwsh.dll; the muxer and the shim leave Ctrl+C to
        # the terminal's process group, so the signal goes to the pwsh process that runs run-tests.ps1.
        target=$(descendant_matching "$pid" 'pwsh.dll')
        [[ -n $target ]] || { fail "$case_name" "could not find the pwsh process under pid $pid"; cleanup_session "$pid"; return; }
        say "$case_name: target app up after ${waited} s; SIGINT to pwsh (pid $target)"
        kill -INT "$target"
    else
        say "$case_name: target app up after ${waited} s; SIGINT to pid $pid"
        kill -INT "$pid"
    fi
    local interrupted=$SECONDS
    wait_for_exit "$pid" 180
    code=$EXIT_CODE
    if [[ $code == timeout ]]; then
        fail "$case_name" "the run did not end within 180 s of the interrupt (log: $log)"
        cleanup_session "$pid"
        return
    fi
    local stopped=$((SECONDS - interrupted))
    local exit_note=""
    if [[ $code == 0 ]]; then
        fail "$case_name" "exit code 0 ${stopped} s after the interrupt: an interrupted run must not report success (log: $log)"
        exit_note=" (FAIL: an interrupted run exited 0)"
    fi
    # `dotnet test` may return while its test host still cleans up: what counts is what is left once the host is gone.
    if [[ -n $host ]] && ! wait_for_process_end "$host" 120; then
        fail "$case_name" "the test host (pid $host) still ran 120 s after the run ended"
        cleanup_session "$pid"
        return
    fi
    local host_stopped=$((SECONDS - interrupted))
    if expect_nothing_left "$case_name" allow-dirs; then
        say "$([[ -z $exit_note ]] && echo ok || echo "nothing left but") $case_name: ended with exit code $code${exit_note} ${stopped} s after the interrupt (test host ${host_stopped} s); nothing left"
        note "$case_name" "exit $code${exit_note} ${stopped} s after the interrupt, test host gone after ${host_stopped} s" "nothing left"
    else
        note "$case_name" "exit $code${exit_note} ${stopped} s after the interrupt, test host gone after ${host_stopped} s" "LEAK (see above)"
        cleanup_session "$pid"
    fi
}

# --- the failing configuration ---------------------------------------------------------------------------------

target_app_dll() {
    if [[ -n ${HARNESS_TARGET_APP_DLL:-} ]]; then echo "$HARNESS_TARGET_APP_DLL"; return; fi
    ls -t "$REPO"/target-app/bin/{Debug,Release}/net10.0/ProbeHarness.TargetApp.dll 2>/dev/null | head -1
}

# An image map whose target app runs with FAULTS_ENABLED=false whatever the pod says: every fault injection fails
# (404) while the pods run, which is a failing scenario with live containers.
write_failing_image_map() {
    local dir=$SCRATCH/failing dll dotnet_path
    dll=$(target_app_dll)
    dotnet_path=$(command -v dotnet)
    [[ -f $dll ]] || { echo "no target app build (run: dotnet build target-app)" >&2; return 1; }
    mkdir -p "$dir"
    printf '#!/bin/sh\n# Written by scripts/check-no-leaks.sh: the target app with its fault API off.\nFAULTS_ENABLED=false exec %q %q "$@"\n' \
        "$dotnet_path" "$dll" >"$dir/target-app-without-fault-api.sh"
    chmod +x "$dir/target-app-without-fault-api.sh"
    sed "s#\"entrypoint\": \[ \"{dotnet}\", \"{targetAppDll}\" \]#\"entrypoint\": [ \"$dir/target-app-without-fault-api.sh\" ]#" \
        "$REPO/harness/ProbeHarness.Emulated/emulated-images.json" >"$dir/images.json"
    grep -q "target-app-without-fault-api.sh" "$dir/images.json" || { echo "could not rewrite the target app's entrypoint in emulated-images.json" >&2; return 1; }
    echo "$dir/images.json"
}

# --- the cases -------------------------------------------------------------------------------------------------

case_normal() {
    common_env normal
    local log=$SCRATCH/normal.log started=$SECONDS code
    set_dotnet_test
    timeout --kill-after=10 "$RUN_TIMEOUT" "${DOTNET_TEST[@]}" >"$log" 2>&1
    code=$?
    [[ $code == 0 ]] || fail normal "dotnet test exited $code (expected 0; log: $log)"
    if expect_nothing_left normal; then
        note normal "dotnet test exit $code, $((SECONDS - started)) s" "nothing left"
    else
        note normal "dotnet test exit $code" "LEAK (see above)"
    fi
}

case_failed() {
    local keep=$1 case_name=$2 images
    images=$(write_failing_image_map) || { fail "$case_name" "could not write the failing image map"; return; }
    common_env "$case_name"
    export HARNESS_EMULATED_IMAGES=$images
    export HARNESS_KEEP_ON_FAILURE=$keep
    local log=$SCRATCH/$case_name.log started=$SECONDS code
    set_dotnet_test --output detailed
    timeout --kill-after=10 "$RUN_TIMEOUT" "${DOTNET_TEST[@]}" >"$log" 2>&1
    code=$?
    unset HARNESS_EMULATED_IMAGES
    export HARNESS_KEEP_ON_FAILURE=0
    local failed
    failed=$(grep -c '"outcome": "failed"' "$SCRATCH"/results/"$case_name"/*.json 2>/dev/null | awk -F: '{ s += $NF } END { print s + 0 }')
    if [[ $code == 0 || $failed == 0 ]]; then
        fail "$case_name" "the run did not fail (dotnet test exit $code, $failed failed scenario records; log: $log)"
        return
    fi
    if [[ $keep == 0 ]]; then
        if expect_nothing_left "$case_name"; then
            note "$case_name" "dotnet test exit $code, $failed scenario(s) failed, $((SECONDS - started)) s" "nothing left"
        else
            note "$case_name" "dotnet test exit $code" "LEAK (see above)"
            cleanup_session ""
        fi
        return
    fi
    check_kept "$case_name" "$log" "$failed" "$code" "$started"
}

# HARNESS_KEEP_ON_FAILURE=1: each failed scenario says how to reach what it kept; check that it is really there.
check_kept() {
    local case_name=$1 log=$2 failed=$3 code=$4 started=$5
    local kept_count groups ips ok=1
    kept_count=$(grep -c 'kept namespace .* for inspection' "$log")
    groups=$(grep -o 'stop with: kill -- -[0-9]*' "$log" | grep -o '[0-9]*$' | sort -u)
    ips=$(grep -o 'pod [^:]*: http://[0-9.]*:<port> ([a-z0-9-]* [0-9]*' "$log" | sed 's#.*http://\([0-9.]*\):<port> ([a-z0-9-]* \([0-9]*\)#\1:\2#' | sort -u)
    if [[ $kept_count -lt $failed ]]; then
        ok=0
        fail "$case_name" "$failed scenario(s) failed but only $kept_count said which namespace was kept (log: $log)"
    fi
    if [[ -z $groups ]]; then
        ok=0
        fail "$case_name" "no 'stop with: kill -- -PGID' line in the output (log: $log)"
    fi
    local pgid alive=0
    for pgid in $groups; do
        if kill -0 -- "-$pgid" 2>/dev/null; then alive=$((alive + 1)); else ok=0; fail "$case_name" "kept process group $pgid is not running after the run"; fi
    done
    local address answered=0
    for address in $ips; do
        if curl -s -o /dev/null --max-time 5 "http://$address/healthz"; then answered=$((answered + 1)); else ok=0; fail "$case_name" "kept pod at http://$address/healthz does not answer"; fi
    done
    KEPT_GROUPS=$(echo $groups)
    if ((ok)); then
        say "ok $case_name: $kept_count namespace(s) kept, $alive process group(s) alive, $answered pod(s) answered at the printed address"
        note "$case_name" "dotnet test exit $code, $failed failed, $((SECONDS - started)) s" "$kept_count kept namespace(s) printed; $alive group(s) alive; $answered pod(s) answered HTTP"
    else
        note "$case_name" "dotnet test exit $code, $failed failed" "FAILED (see above)"
    fi
}

# The run after one that left processes: it must remove them, say so, and leave nothing itself.
case_sweep() {
    local case_name=$1 runner=$2 expected_groups=$3
    common_env "$case_name"
    local log=$SCRATCH/$case_name.log started=$SECONDS code exe
    if [[ $runner == executable ]]; then
        exe=$(suite_executable)
        [[ -x $exe ]] || { fail "$case_name" "the suite's executable is not built"; return; }
        timeout --kill-after=10 "$RUN_TIMEOUT" "$exe" -trait "Category=$TAG" -noColor >"$log" 2>&1
    else
        set_dotnet_test --output detailed
        timeout --kill-after=10 "$RUN_TIMEOUT" "${DOTNET_TEST[@]}" >"$log" 2>&1
    fi
    code=$?
    local said
    said=$(grep -o 'removed [0-9]* orphaned container process group(s) of run [^ ]* (harness pid [0-9]* is gone)' "$log" | sort -u)
    local removed
    removed=$(printf '%s\n' "$said" | awk '/removed/ { s += $2 } END { print s + 0 }')
    local ok=1
    if [[ $runner == executable && -z $said ]]; then
        ok=0
        fail "$case_name" "the run did not say it removed the $expected_groups process group(s) left before (log: $log)"
    fi
    if [[ $runner == executable && -n $said && $removed -lt $expected_groups ]]; then
        ok=0
        fail "$case_name" "the run said it removed $removed process group(s), $expected_groups were left (log: $log)"
    fi
    [[ $code == 0 ]] || say "note $case_name: the run itself exited $code (log: $log)"
    if ! expect_nothing_left "$case_name"; then
        ok=0
    fi
    local shown=${said:-"(not shown: dotnet test hides a passing test host's own output)"}
    if ((ok)); then
        say "ok $case_name: $shown; nothing left"
        note "$case_name" "exit $code, $((SECONDS - started)) s; $expected_groups group(s) left before" "removed; said: $shown"
    else
        note "$case_name" "exit $code" "FAILED (see above)"
        cleanup_session ""
    fi
}

case_sigkill_host() {
    common_env sigkill-host
    local log=$SCRATCH/sigkill-host.log pid waited host code
    set_dotnet_test
    setsid "${DOTNET_TEST[@]}" >"$log" 2>&1 </dev/null &
    pid=$!
    if ! waited=$(wait_for_target_app "$pid"); then
        fail sigkill-host "no target-app process appeared before the run ended or within $RUN_TIMEOUT s (log: $log)"
        cleanup_session "$pid"
        KILLED_GROUPS=0
        return
    fi
    host=$(newest_owner_pid)
    [[ -n $host ]] || { fail sigkill-host "no owner.json names the test host"; cleanup_session "$pid"; KILLED_GROUPS=0; return; }
    say "sigkill-host: target app up after ${waited} s; SIGKILL to the test host (pid $host)"
    kill -KILL "$host"
    wait_for_exit "$pid" 120
    code=$EXIT_CODE
    [[ $code == timeout ]] && { fail sigkill-host "dotnet test did not end within 120 s after its test host was killed"; cleanup_session "$pid"; }
    sleep 1
    local processes groups
    processes=$(container_processes)
    groups=$(ledger_groups)
    KILLED_GROUPS=$(printf '%s' "$groups" | grep -c .)
    say "sigkill-host: dotnet test exit $code; left (expected, nothing runs after SIGKILL): $KILLED_GROUPS group(s), $(printf '%s' "$processes" | grep -c .) process(es)"
    note sigkill-host "dotnet test exit $code" "$KILLED_GROUPS process group(s) survived (expected; removed by the next run)"
}

# --- main ------------------------------------------------------------------------------------------------------

say "repository $REPO; scratch $SCRATCH; tag @$TAG; cases: ${ONLY}"
[[ $REPO == /tmp/* ]] && say "warning: the repository is under /tmp; the emulated backend maps /tmp paths of a container's command into the container's own /tmp, so the target app may not start"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"

if ((BUILD)); then
    say "building the suite, the target app and the report tool"
    for project in "$SUITE" "$REPO/target-app" "$REPO/harness/ProbeHarness.Report/ProbeHarness.Report.csproj"; do
        dotnet build "$project" --nologo -v quiet >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log" >&2; say "the build failed: $project"; exit 2; }
    done
fi

# Anything of an earlier check in this scratch root would be counted as this run's leak.
if [[ -n $(container_processes) ]]; then
    say "processes of an earlier check still run under $EMU_ROOT; stopping them first"
    cleanup_session ""
fi

KILLED_GROUPS=0
KEPT_GROUPS=""
DOCKER_NOTE=""
wants normal && case_normal
wants failed && case_failed 0 failed
wants keep && case_failed 1 keep
wants sweep-kept && case_sweep sweep-kept executable "$(echo $KEPT_GROUPS | wc -w)"
set_dotnet_test
for ((round = 1; round <= REPEAT; round++)); do
    suffix=$( ((REPEAT > 1)) && echo "#$round" )
    wants sigint-test && interrupt_case "sigint-test$suffix" pid "${DOTNET_TEST[@]}"
    wants ctrlc-test && interrupt_case "ctrlc-test$suffix" terminal "${DOTNET_TEST[@]}"
    wants sigint-ps1 && interrupt_case "sigint-ps1$suffix" pwsh dotnet pwsh -NoProfile -File "$REPO/run-tests.ps1" -Backend emulated -Tag "$TAG" -ReportDir "$SCRATCH/report/sigint-ps1"
    wants ctrlc-ps1 && interrupt_case "ctrlc-ps1$suffix" terminal dotnet pwsh -NoProfile -File "$REPO/run-tests.ps1" -Backend emulated -Tag "$TAG" -ReportDir "$SCRATCH/report/ctrlc-ps1"
done
wants sigkill-host && case_sigkill_host
wants sweep-killed && case_sweep sweep-killed dotnet-test "$KILLED_GROUPS"

{
    echo "| case | run | result |"
    echo "| --- | --- | --- |"
    printf '%s\n' "${SUMMARY[@]}"
} >"$SCRATCH/summary.md"
echo
cat "$SCRATCH/summary.md"
[[ -n $DOCKER_NOTE ]] && say "$DOCKER_NOTE"
say "took $((SECONDS - CHECK_START)) s; logs in $SCRATCH"
if ((${#FAILURES[@]})); then
    say "${#FAILURES[@]} problem(s):"
    printf '  - %s\n' "${FAILURES[@]}"
    exit 1
fi
((KEEP_SCRATCH)) || rm -rf "$SCRATCH/emulated"
say "every case held: nothing was left behind"
exit 0
