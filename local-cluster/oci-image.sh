#!/usr/bin/env bash
# Packs a root filesystem directory into a single-layer OCI image archive that `ctr images import` loads, without
# any registry, base image or image builder: one uncompressed tar layer, a config, a manifest and an index, each
# stored under blobs/sha256/<its digest>.
#
#   oci-image.sh --rootfs DIR --name docker.io/x/y:tag --out FILE.tar \
#                [--entrypoint '["/app/run"]'] [--env '["A=1"]'] [--workdir /app] [--user 1654:1654] [--port 8080 ...]
set -euo pipefail

rootfs='' name='' out='' entrypoint='[]' env='[]' workdir='/' user='' ports=()
while (($#)); do
  case $1 in
    --rootfs) rootfs=$2 ;;
    --name) name=$2 ;;
    --out) out=$2 ;;
    --entrypoint) entrypoint=$2 ;;
    --env) env=$2 ;;
    --workdir) workdir=$2 ;;
    --user) user=$2 ;;
    --port) ports+=("$2") ;;
    *) echo "oci-image.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done
[[ -d $rootfs && -n $name && -n $out ]] || { echo "oci-image.sh: --rootfs DIR, --name and --out are required" >&2; exit 2; }

layout=$(mktemp -d)
trap 'rm -rf "$layout"' EXIT
mkdir -p "$layout/blobs/sha256"

# Stores stdin as a blob and prints "<digest> <size>".
put_blob() {
  local tmp=$layout/blob.tmp digest
  cat >"$tmp"
  digest=$(sha256sum "$tmp" | cut -d' ' -f1)
  mv "$tmp" "$layout/blobs/sha256/$digest"
  printf 'sha256:%s %s\n' "$digest" "$(stat -c %s "$layout/blobs/sha256/$digest")"
}

# The same tree always gives the same layer digest: sorted names, fixed owner and time.
read -r layer_digest layer_size < <(
  tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$rootfs" -cf - . | put_blob)

exposed=$(printf '%s\n' "${ports[@]+"${ports[@]}"}" | jq -R 'select(length > 0) | {(. + "/tcp"): {}}' | jq -s 'add // {}')
read -r config_digest config_size < <(
  jq -cn --argjson entrypoint "$entrypoint" --argjson env "$env" --arg workdir "$workdir" --arg user "$user" \
    --argjson exposed "$exposed" --arg layer "$layer_digest" '{
      architecture: "amd64", os: "linux",
      config: ({Entrypoint: $entrypoint, Env: $env, WorkingDir: $workdir, ExposedPorts: $exposed}
               + (if $user == "" then {} else {User: $user} end)),
      rootfs: {type: "layers", diff_ids: [$layer]},
      history: [{created_by: "local-cluster/oci-image.sh"}]
    }' | put_blob)

read -r manifest_digest manifest_size < <(
  jq -cn --arg cd "$config_digest" --argjson cs "$config_size" --arg ld "$layer_digest" --argjson ls "$layer_size" '{
      schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $cd, size: $cs},
      layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar", digest: $ld, size: $ls}]
    }' | put_blob)

# containerd names the imported image after io.containerd.image.name; the OCI ref name is the tag alone.
jq -cn --arg md "$manifest_digest" --argjson ms "$manifest_size" --arg name "$name" '{
    schemaVersion: 2,
    manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $md, size: $ms,
                 platform: {architecture: "amd64", os: "linux"},
                 annotations: {"io.containerd.image.name": $name, "org.opencontainers.image.ref.name": ($name | sub(".*:"; ""))}}]
  }' >"$layout/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"

mkdir -p "$(dirname "$out")"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$layout" -cf "$out.tmp" oci-layout index.json blobs
mv "$out.tmp" "$out"
echo "$name: $(stat -c %s "$out") bytes, manifest $manifest_digest"
