#!/usr/bin/env bash
# The two base images target-app/Dockerfile needs, made from local files because no registry is reachable here:
#   probe-harness/dotnet-sdk:10.0  a minimal Debian root + this machine's .NET SDK (all of its dotnet folder), dotnet on PATH
#   probe-harness/aspnet:10.0      the same root + the .NET and ASP.NET Core runtimes only; APP_UID=1654 and user
#                                  app (1654), as the official mcr.microsoft.com/dotnet/aspnet image has them
# The root is debootstrap's bookworm minbase with the libraries .NET needs (ICU, OpenSSL, zlib, Kerberos, tzdata,
# CA certificates): the machine's own release, on which its SDK is known to run. The images go in with `docker
# import` (the engine API's /images/create?fromSrc=-), labelled with a key of their inputs (root packages, .NET
# versions, this script's revision); a second run finds the labels and does nothing.
#
#   sudo local-cluster/base-images.sh          # needs an engine: DOCKER_HOST, else local-cluster/docker-engine.sh's socket
#   sudo local-cluster/base-images.sh root     # only build (or check) the cached root; needs no engine
#
# Then: HARNESS_TARGET_BUILD_ARGS=SDK_IMAGE=probe-harness/dotnet-sdk:10.0,RUNTIME_IMAGE=probe-harness/aspnet:10.0
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/image-lib.sh"

BASE_SUITE=bookworm
BASE_PACKAGES=(ca-certificates libc6 libgcc-s1 libgssapi-krb5-2 libicu72 libssl3 libstdc++6 zlib1g tzdata)
# Raised whenever the way the root or the images are made changes, so that cached ones are rebuilt.
BASE_REVISION=1
BASE_CACHE=$CACHE_ROOT/base-images
TRUST_DIR=
APP_UID=1654
SDK_IMAGE=${PROBE_SDK_IMAGE:-probe-harness/dotnet-sdk:10.0}
RUNTIME_IMAGE=${PROBE_RUNTIME_IMAGE:-probe-harness/aspnet:10.0}
DOTNET_DIR=${PROBE_DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet 2>/dev/null || echo /usr/share/dotnet/dotnet)")")}
IMAGE_DOTNET_DIR=/usr/share/dotnet

root_key() { printf '%s\n' "$BASE_SUITE" minbase "${BASE_PACKAGES[@]}" "revision $BASE_REVISION" | sha256sum | cut -c1-16; }
BASE_ROOT=$BASE_CACHE/root-$BASE_SUITE-$(root_key)

dotnet_versions() {
  local kind
  for kind in sdk shared/Microsoft.NETCore.App shared/Microsoft.AspNetCore.App; do
    printf '%s %s\n' "$kind" "$(ls "$DOTNET_DIR/$kind" | tr '\n' ' ')"
  done
}

only_version() {
  local versions
  versions=$(ls "$DOTNET_DIR/$1")
  [[ $(wc -l <<<"$versions") == 1 ]] || die "$DOTNET_DIR/$1 holds several versions ($(echo $versions)); set PROBE_DOTNET_ROOT to a .NET with one"
  echo "$versions"
}

image_key() {
  { printf '%s\n' "$(root_key)" "$1" "$(dotnet_versions)"; [[ $1 != sdk ]] || build_trust; } | sha256sum | cut -c1-16
}

# What the SDK image takes from this machine for NuGet's TLS: the CA certificates added to it (a TLS-inspecting egress
# proxy's, on ours: without them the restore fails with "UntrustedRoot") and NUGET_CERT_REVOCATION_MODE.
HOST_CA_DIR=/usr/local/share/ca-certificates
host_cas() { compgen -G "$HOST_CA_DIR/*.crt" || true; }
build_trust() {
  local file
  for file in $(host_cas); do sha256sum "$file"; done
  echo "NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-}"
}

# The official images' user (uid and gid 1654, "app", a home) and dotnet on PATH.
prepare_base() {
  local root=$1
  chroot "$root" groupadd --gid "$APP_UID" app
  chroot "$root" useradd --no-log-init --uid "$APP_UID" --gid "$APP_UID" --create-home --shell /bin/sh app
  ln -s "$IMAGE_DOTNET_DIR/dotnet" "$root/usr/bin/dotnet"
}

ensure_base_root() {
  PREPARE_ROOT=prepare_base step "base root: $BASE_SUITE minbase + ${BASE_PACKAGES[*]}, user app $APP_UID" \
    ensure_debootstrap_root "$BASE_ROOT" "$BASE_SUITE" "${BASE_PACKAGES[@]}"
}

common_changes() {
  local runtime aspnet
  runtime=$(only_version shared/Microsoft.NETCore.App)
  aspnet=$(only_version shared/Microsoft.AspNetCore.App)
  CHANGES=(
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    "ENV APP_UID=$APP_UID"
    "ENV ASPNETCORE_HTTP_PORTS=8080"
    "ENV DOTNET_RUNNING_IN_CONTAINER=true"
    "ENV DOTNET_VERSION=$runtime"
    "ENV ASPNET_VERSION=$aspnet"
  )
}

build_sdk() {
  local key sdk
  key=$(image_key sdk)
  image_current "$SDK_IMAGE" "$key" && return
  ensure_base_root
  sdk=$(only_version sdk)
  common_changes
  CHANGES+=(
    "ENV DOTNET_SDK_VERSION=$sdk"
    "ENV DOTNET_NOLOGO=true"
    "ENV DOTNET_CLI_TELEMETRY_OPTOUT=true"
    "ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false"
    "ENV DOTNET_USE_POLLING_FILE_WATCHER=true"
    "ENV NUGET_XMLDOC_MODE=skip"
    "LABEL $KEY_LABEL=$key"
    'CMD ["/bin/bash"]'
  )
  [[ -z ${NUGET_CERT_REVOCATION_MODE:-} ]] || CHANGES+=("ENV NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE")
  # The machine's added CAs go in as update-ca-certificates would put them: the files, and appended to the bundle.
  local trust bundle=etc/ssl/certs/ca-certificates.crt cas
  trust=$(mktemp -d "$BASE_CACHE/sdk-trust.XXXXXX")
  TRUST_DIR=$trust
  trap 'rm -rf "$TRUST_DIR"' EXIT
  mapfile -t cas < <(host_cas)
  mkdir -p "$trust/${HOST_CA_DIR#/}" "$trust/$(dirname "$bundle")"
  cat "$BASE_ROOT/$bundle" "${cas[@]+"${cas[@]}"}" >"$trust/$bundle"
  ((${#cas[@]} == 0)) || cp "${cas[@]}" "$trust/${HOST_CA_DIR#/}/"
  ((${#cas[@]} == 0)) || log "adding this machine's CA certificates for NuGet's TLS: ${cas[*]}"
  step "import $SDK_IMAGE (root + $DOTNET_DIR, SDK $sdk)" import_image "$SDK_IMAGE" \
    --exclude="./$bundle" --exclude="./${HOST_CA_DIR#/}" -C "$BASE_ROOT" . -C "$trust" "$bundle" "${HOST_CA_DIR#/}" \
    --transform "s|^${DOTNET_DIR#/}|${IMAGE_DOTNET_DIR#/}|" -C / "${DOTNET_DIR#/}"
}

build_runtime() {
  local key d
  key=$(image_key runtime)
  image_current "$RUNTIME_IMAGE" "$key" && return
  ensure_base_root
  common_changes
  CHANGES+=("LABEL $KEY_LABEL=$key")
  d=${DOTNET_DIR#/}
  # The host (muxer, hostfxr) and the two shared frameworks; the parent folders first, without their other contents.
  step "import $RUNTIME_IMAGE (root + .NET $(only_version shared/Microsoft.NETCore.App) and ASP.NET Core runtimes)" \
    import_image "$RUNTIME_IMAGE" -C "$BASE_ROOT" . --transform "s|^$d|${IMAGE_DOTNET_DIR#/}|" -C / \
    --no-recursion "$d" "$d/shared" \
    --recursion "$d/dotnet" "$d/host" "$d/LICENSE.txt" "$d/ThirdPartyNotices.txt" \
    "$d/shared/Microsoft.NETCore.App" "$d/shared/Microsoft.AspNetCore.App"
}

main() {
  require_root_on_linux
  require_commands curl:curl jq:jq tar:tar
  [[ -x $DOTNET_DIR/dotnet && -d $DOTNET_DIR/sdk ]] || die "no .NET SDK at $DOTNET_DIR (set PROBE_DOTNET_ROOT)"
  case ${1:-} in
    root) ensure_base_root; return ;;
    '') ;;
    *) die "usage: $0 [root]" ;;
  esac
  local started=$EPOCHREALTIME
  resolve_engine
  build_sdk
  build_runtime
  log "base images ready in $(elapsed_since "$started") s: $SDK_IMAGE, $RUNTIME_IMAGE"
  echo "export HARNESS_TARGET_BUILD_ARGS=SDK_IMAGE=$SDK_IMAGE,RUNTIME_IMAGE=$RUNTIME_IMAGE"
}

main "$@"
