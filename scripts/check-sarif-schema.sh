#!/usr/bin/env bash
# Checks the preflight's SARIF against the official SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships),
# validated with ajv: the schema check a SARIF viewer or GitHub code scanning makes. Needs Node.js and the npm registry;
# the packages go to a scratch folder (cached under $PROBE_HARNESS_CACHE/sarif-schema). Exit 0 when every file is valid.
#
#   scripts/check-sarif-schema.sh [manifest paths…]     (default: manifests/ and the preflight tests' sample manifests)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null && command -v npm >/dev/null || { echo "check-sarif-schema: needs node and npm" >&2; exit 2; }
cache=${PROBE_HARNESS_CACHE:-/var/cache/probe-harness}/sarif-schema
mkdir -p "$cache"
if [[ ! -f $cache/package/lib/schemas/sarif-2.1.0-rtm.5.json || ! -d $cache/node_modules/ajv-formats ]]; then
  (cd "$cache" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz \
    && npm install --silent --no-save --no-package-lock ajv@8 ajv-formats@3 >/dev/null)
fi
paths=("$@")
((${#paths[@]})) || paths=(manifests tests/ProbeHarness.Preflight.Tests/TestData/samples)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build harness/ProbeHarness.Report -v q --nologo >/dev/null
files=()
for path in "${paths[@]}"; do
  file="$out/$(echo "$path" | tr '/' '_').sarif"
  code=0
  dotnet run --project harness/ProbeHarness.Report --no-build -- preflight "$path" --sarif "$file" >/dev/null || code=$?
  ((code <= 1)) || { echo "check-sarif-schema: preflight of $path failed with exit $code" >&2; exit 1; }
  files+=("$file")
done
(cd "$cache" && node "$OLDPWD/scripts/sarif-schema/validate.js" "$cache/package/lib/schemas/sarif-2.1.0-rtm.5.json" "${files[@]}")
