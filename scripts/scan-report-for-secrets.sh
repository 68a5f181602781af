#!/usr/bin/env bash
# Scans a report directory for the key material of a kubeconfig: nothing of it may reach a report.
#
# Usage: scripts/scan-report-for-secrets.sh <report-dir> <kubeconfig>
#        scripts/scan-report-for-secrets.sh --self-test
#
# Looked for, in every file under <report-dir> (text and binary alike): each secret field of the kubeconfig
# (client-key-data, client-certificate-data, token, password, client-secret, id-token, refresh-token, access-token,
# and the files client-key / client-certificate / tokenFile point to), as written, in 32-character pieces (so a
# copy wrapped at 64 or 76 columns is found too), and base64-decoded: the body lines of a PEM key or certificate.
# Secrets shorter than 8 characters are too short to look for without false alarms; they are listed as skipped.
# Findings name the file, the line and which field matched, never the secret itself.
#
# Exit codes: 0 nothing found; 1 key material found (listed); 2 bad arguments (missing directory or kubeconfig).
# --self-test builds a kubeconfig with random key material and reports with and without it, and checks both answers.
set -uo pipefail

readonly CHUNK=32
readonly MIN_LENGTH=8

say() { printf 'scan-report-for-secrets: %s\n' "$*"; }

# Prints "<field>\t<value>" for each secret field of the kubeconfig (YAML or JSON), quotes removed.
secret_fields() {
    local kubeconfig=$1
    sed -n -E 's/^[[:space:]-]*"?(client-key-data|client-certificate-data|token|password|client-secret|id-token|refresh-token|access-token|client-key|client-certificate|tokenFile|token-file)"?[[:space:]]*:[[:space:]]*(.*)$/\1\t\2/p' "$kubeconfig" |
        sed -E 's/[[:space:]]*,?[[:space:]]*$//; s/\t"(.*)"$/\t\1/; s/\t'"'"'(.*)'"'"'$/\t\1/'
}

# Writes the patterns to look for, one "<label>\t<pattern>" a line, into $2; prints skipped fields on stderr.
build_patterns() {
    local kubeconfig=$1 out=$2 base
    base=$(dirname "$kubeconfig")
    : >"$out"
    local field value content
    while IFS=$'\t' read -r field value; do
        [[ -z $value ]] && continue
        case "$field" in
            client-key|client-certificate|tokenFile|token-file)
                [[ $value == /* ]] || value=$base/$value
                if [[ ! -r $value ]]; then
                    say "note: $field names $value, which cannot be read; not looked for" >&2
                    continue
                fi
                content=$(cat "$value")
                add_pem_lines "$field file" "$content" "$out"
                [[ $field == token* ]] && add_value "$field file" "$(printf '%s' "$content" | tr -d '\n')" "$out"
                ;;
            *)
                add_value "$field" "$value" "$out"
                local decoded
                if decoded=$(printf '%s' "$value" | base64 -d 2>/dev/null) && [[ $decoded == *"-----BEGIN "* ]]; then
                    add_pem_lines "$field (decoded)" "$decoded" "$out"
                fi
                ;;
        esac
    done < <(secret_fields "$kubeconfig")
}

# The value itself and its 32-character pieces.
add_value() {
    local label=$1 value=$2 out=$3 i
    if ((${#value} < MIN_LENGTH)); then
        say "note: $label is shorter than $MIN_LENGTH characters; not looked for" >&2
        return
    fi
    printf '%s\t%s\n' "$label" "$value" >>"$out"
    for ((i = 0; i + CHUNK <= ${#value}; i += CHUNK)); do
        printf '%s\t%s\n' "$label (piece $((i / CHUNK + 1)))" "${value:i:CHUNK}" >>"$out"
    done
}

# The base64 body lines of every PEM block in $2.
add_pem_lines() {
    local label=$1 text=$2 out=$3 line n=0
    while IFS= read -r line; do
        line=${line%$'\r'}
        [[ $line == -----* || ${#line} -lt $MIN_LENGTH ]] && continue
        n=$((n + 1))
        printf '%s\t%s\n' "$label (PEM line $n)" "$line" >>"$out"
    done <<<"$text"
}

scan() {
    local report_dir=$1 kubeconfig=$2
    if [[ ! -d $report_dir ]]; then say "report directory '$report_dir' does not exist"; return 2; fi
    if [[ ! -f $kubeconfig ]]; then say "kubeconfig '$kubeconfig' does not exist"; return 2; fi
    local patterns
    patterns=$(mktemp)
    build_patterns "$kubeconfig" "$patterns"
    local count files
    count=$(wc -l <"$patterns")
    files=$(find "$report_dir" -type f | wc -l)
    if ((count == 0)); then
        say "no key material in $kubeconfig (exec or auth-provider login without stored secrets?): nothing to look for in $files file(s)"
        rm -f "$patterns"
        return 0
    fi
    local findings=() label pattern hit
    while IFS=$'\t' read -r label pattern; do
        while IFS= read -r hit; do
            [[ -n $hit ]] && findings+=("${hit%%:*}:$(cut -d: -f2 <<<"$hit"): $label")
        done < <(grep -rnaF --include='*' -e "$pattern" "$report_dir" 2>/dev/null | cut -d: -f1,2)
    done <"$patterns"
    rm -f "$patterns"
    if ((${#findings[@]})); then
        say "key material of $kubeconfig found in $report_dir:"
        printf '%s\n' "${findings[@]}" | sort -u | sed 's/^/  /'
        return 1
    fi
    say "clean: $count piece(s) of key material from $kubeconfig, none in the $files file(s) under $report_dir"
    return 0
}

self_test() {
    local dir ok=1
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' RETURN
    local key_pem token key_data
    key_pem=$(printf -- '-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n' "$(head -c 600 /dev/urandom | base64 -w 64)")
    key_data=$(printf '%s' "$key_pem" | base64 -w 0)
    token=$(head -c 48 /dev/urandom | base64 -w 0 | tr '+/' '-_')
    cat >"$dir/kubeconfig.yaml" <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:6443
  name: test
users:
- name: admin
  user:
    client-key-data: $key_data
    token: "$token"
    password: short
contexts:
- context: { cluster: test, user: admin }
  name: test
current-context: test
EOF
    mkdir -p "$dir/clean" "$dir/dirty-data" "$dir/dirty-pem" "$dir/dirty-token" "$dir/dirty-wrapped"
    printf '<html>report with server https://127.0.0.1:6443 and user admin</html>\n' >"$dir/clean/index.html"
    printf '{"kubeconfig":"[redacted]"}\n' >"$dir/clean/report.json"
    printf 'config:\n  client-key-data: %s\n' "$key_data" >"$dir/dirty-data/report.md"
    printf 'log line\n%s\n' "$key_pem" >"$dir/dirty-pem/diagnostics.txt"
    printf '{"message":"Authorization: Bearer %s"}\n' "$token" >"$dir/dirty-token/report.json"
    printf '%s\n' "$key_data" | fold -w 76 >"$dir/dirty-wrapped/junit.xml"

    expect() {
        local want=$1 name=$2 got
        scan "$dir/$name" "$dir/kubeconfig.yaml" >"$dir/$name.out" 2>&1
        got=$?
        if [[ $got == "$want" ]]; then
            say "self-test ok: $name → exit $got"
        else
            ok=0
            say "self-test FAILED: $name → exit $got, expected $want:"
            sed 's/^/    /' "$dir/$name.out"
        fi
    }
    expect 0 clean
    expect 1 dirty-data
    expect 1 dirty-pem
    expect 1 dirty-token
    expect 1 dirty-wrapped
    if grep -qF "$token" "$dir"/*.out || grep -qF "${key_data:0:$CHUNK}" "$dir"/*.out; then
        ok=0
        say "self-test FAILED: a finding printed the secret itself"
    fi
    ((ok)) && say "self-test passed" && return 0
    return 1
}

case "${1:-}" in
    --self-test) self_test; exit $? ;;
    -h|--help) sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[[ $# -eq 2 ]] || { say "usage: $0 <report-dir> <kubeconfig> (or --self-test)"; exit 2; }
scan "$1" "$2"
exit $?
