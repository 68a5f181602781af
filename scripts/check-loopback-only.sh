#!/usr/bin/env bash
# Checks that the emulated backend exposes nothing: every socket its processes listen on is on loopback.
#
# Usage: scripts/check-loopback-only.sh [--tag TAG] [--no-build] [--timeout SECONDS]
#
# Runs `dotnet test` on the emulated backend with the scenarios tagged TAG (default "probe-types": HTTP, TCP, gRPC
# and exec probes, so the target app's three listeners and exec probe processes all appear) and, every half second
# while it runs, lists the listening TCP sockets and bound UDP sockets of the test host (the emulated Services'
# proxies live there) and of every emulated container process (found by their HOME under this check's emulated
# root), from /proc/<pid>/fd and /proc/net/{tcp,tcp6,udp,udp6}. Each must be on 127.0.0.0/8 or ::1 (also as
# ::ffff:127.x.y.z). A socket on 0.0.0.0, :: or any other address is a failure, listed with its process.
#
# Exit codes: 0 every socket seen was on loopback (and at least one container socket was seen); 1 a socket was not,
# or no container socket was ever seen (the check saw nothing, which proves nothing); 2 the check could not run.
set -uo pipefail

readonly REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TAG=probe-types
BUILD=1
RUN_TIMEOUT=900

while [[ $# -gt 0 ]]; do
    case "$1" in
        --tag) TAG=${2:?--tag needs a value}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --timeout) RUN_TIMEOUT=${2:?--timeout needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-loopback-only: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$RUN_TIMEOUT" =~ ^[1-9][0-9]*$ ]] || { echo "check-loopback-only: --timeout '$RUN_TIMEOUT' is not a whole number of seconds" >&2; exit 2; }
[[ -r /proc/net/tcp ]] || { echo "check-loopback-only: needs Linux /proc/net" >&2; exit 2; }

readonly SCRATCH=${LOOPBACK_CHECK_DIR:-$REPO/artifacts/reliability/loopback-check}
readonly EMU_ROOT=$SCRATCH/emulated
say() { printf 'check-loopback-only: %s\n' "$*"; }

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
if ((BUILD)); then
    say "building the suite and the target app"
    for project in "$REPO/steps/ProbeHarness.Steps.csproj" "$REPO/target-app"; do
        dotnet build "$project" --nologo -v quiet >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log" >&2; say "the build failed: $project"; exit 2; }
    done
fi

# pid → "proto address" for every socket of the pid that listens (TCP LISTEN) or is bound (UDP), address decoded.
sockets_of() {
    local pid=$1 inodes
    inodes=$(ls -l "/proc/$pid/fd" 2>/dev/null | grep -o 'socket:\[[0-9]*\]' | tr -dc '0-9\n' | sort -u | tr '\n' ' ')
    [[ -z $inodes ]] && return
    awk -v inodes="$inodes" '
        # mawk has no strtonum: hex digits by hand.
        function hex(h,   n, i) { n = 0; h = toupper(h); for (i = 1; i <= length(h); i++) n = n * 16 + index("0123456789ABCDEF", substr(h, i, 1)) - 1; return n }
        function hexbyte(h, i) { return hex(substr(h, i, 2)) }
        function v4(h) { return hexbyte(h, 7) "." hexbyte(h, 5) "." hexbyte(h, 3) "." hexbyte(h, 1) }
        function v6(h,   out, w, word, i) {
            # Four 32-bit words, each in host (little-endian) order.
            if (h == "00000000000000000000000001000000") return "::1"
            if (h == "00000000000000000000000000000000") return "::"
            if (substr(h, 1, 16) == "0000000000000000" && substr(h, 17, 8) == "FFFF0000") return "::ffff:" v4(substr(h, 25, 8))
            out = ""
            for (w = 0; w < 4; w++) { word = substr(h, 1 + 8 * w, 8); out = out (w ? ":" : "") substr(word, 7, 2) substr(word, 5, 2) ":" substr(word, 3, 2) substr(word, 1, 2) }
            return out
        }
        BEGIN { n = split(inodes, list, " "); for (i = 1; i <= n; i++) want[list[i]] = 1 }
        FNR == 1 { proto = FILENAME; sub(/.*\//, "", proto); next }
        {
            split($2, local, ":")
            state = $4
            if (proto ~ /^tcp/ && state != "0A") next
            if (!($10 in want)) next
            address = (proto ~ /6$/) ? v6(local[1]) : v4(local[1])
            printf "%s %s:%d\n", proto, address, hex(local[2])
        }' /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6
}

is_loopback() {
    local address=${1%:*}
    [[ $address == 127.* || $address == "::1" || $address == ::ffff:127.* ]]
}

container_pids() {
    grep -lszF "HOME=$EMU_ROOT/" /proc/[0-9]*/environ | sed 's#/proc/\([0-9]*\)/environ#\1#'
}

host_pid() {
    local newest
    newest=$(ls -td "$EMU_ROOT"/*/ 2>/dev/null | head -1)
    [[ -n $newest ]] && sed -n 's/.*"processId": *\([0-9][0-9]*\).*/\1/p' "$newest/owner.json" 2>/dev/null | head -1
}

export HARNESS_BACKEND=emulated HARNESS_EMULATED_ROOT=$EMU_ROOT HARNESS_RESULTS_DIR=$SCRATCH/results HARNESS_REPORT_DIR=$SCRATCH/report
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "running the @$TAG scenarios on the emulated backend and sampling listening sockets every 0.5 s"
started=$SECONDS
timeout --kill-after=10 "$RUN_TIMEOUT" dotnet test --project "$REPO/steps/ProbeHarness.Steps.csproj" --no-build --no-progress --no-ansi \
    --filter "Category=$TAG" >"$SCRATCH/run.log" 2>&1 &
run=$!

declare -A seen=()
samples=0
while kill -0 "$run" 2>/dev/null; do
    host=$(host_pid)
    for pid in $host $(container_pids); do
        [[ -d /proc/$pid ]] || continue
        who=$([[ $pid == "$host" ]] && echo "test host" || echo "container")
        command=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-90)
        while read -r proto address; do
            [[ -n $address ]] && seen["$who|$proto $address"]="$command"
        done < <(sockets_of "$pid")
    done
    samples=$((samples + 1))
    sleep 0.5
done
wait "$run"
code=$?

exposed=()
loopback=0
containers=0
for key in "${!seen[@]}"; do
    who=${key%%|*}
    socket=${key#*|}
    address=${socket#* }
    [[ $who == container ]] && containers=$((containers + 1))
    if is_loopback "$address"; then
        loopback=$((loopback + 1))
    else
        exposed+=("$who $socket (${seen[$key]})")
    fi
done

say "dotnet test exited $code after $((SECONDS - started)) s; $samples samples; ${#seen[@]} distinct listening socket(s) seen, $containers of containers"
printf '%s\n' "${!seen[@]}" | sort | sed 's/|/: /; s/^/  /' >"$SCRATCH/sockets.txt"
if ((${#exposed[@]})); then
    say "${#exposed[@]} socket(s) NOT on loopback:"
    printf '  %s\n' "${exposed[@]}"
    exit 1
fi
if ((containers == 0)); then
    say "no container socket was seen (did the scenarios run? see $SCRATCH/run.log): nothing proven"
    exit 1
fi
say "every one of the $loopback socket(s) was on loopback (list: $SCRATCH/sockets.txt)"
exit 0
