# shellcheck shell=bash
# Shared by the scripts that make Docker images from local files (base-images.sh, k3s-compat-image.sh): the Debian
# mirror, a cached debootstrap root, and the engine API through curl (the host needs no docker CLI). Sourced after
# lib.sh, never run on its own.

ENGINE_SOCKET_DEFAULT=/run/probe-harness-docker/docker.sock
KEY_LABEL=org.probe-harness.input-key

# The machine's own Debian mirror (deb822 or one-line sources), as scripts/pristine-root.sh finds it.
debian_mirror() {
  local uri
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $2 !~ /^\[/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

ROOT_BUILD_DIR=
discard_root_build() { [[ -z $ROOT_BUILD_DIR ]] || rm -rf --one-file-system "$ROOT_BUILD_DIR"; }

# Makes root $1 (suite $2, minbase + packages $3...) unless it exists; built beside it and renamed when complete, so
# an interrupted build never becomes the cached root. A function named in PREPARE_ROOT runs on the new root first.
ensure_debootstrap_root() {
  local root=$1 suite=$2 include
  shift 2
  if [[ -d $root ]]; then
    log "cached root $root"
    return
  fi
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
  ROOT_BUILD_DIR=$root.build.$$
  trap discard_root_build EXIT
  mkdir -p "$(dirname "$root")"
  rm -rf --one-file-system "$root".build.*
  include=$(IFS=,; echo "$*")
  local started=$EPOCHREALTIME
  log "debootstrap $suite minbase + $* from $(debian_mirror)"
  debootstrap --variant=minbase --include="$include" "$suite" "$ROOT_BUILD_DIR" "$(debian_mirror)" \
    >"$root.debootstrap.log" 2>&1 || die "debootstrap failed; see $root.debootstrap.log"
  log "debootstrap done in $(elapsed_since "$started") s"
  if [[ -n ${PREPARE_ROOT:-} ]]; then "$PREPARE_ROOT" "$ROOT_BUILD_DIR"; fi
  rm -rf "$ROOT_BUILD_DIR"/var/cache/apt/archives/*.deb "$ROOT_BUILD_DIR"/var/cache/apt/*.bin \
    "$ROOT_BUILD_DIR"/var/lib/apt/lists/* "$ROOT_BUILD_DIR"/var/log/* "$ROOT_BUILD_DIR"/debootstrap
  # Containers get their resolver configuration from the engine.
  : >"$ROOT_BUILD_DIR/etc/resolv.conf"
  mv "$ROOT_BUILD_DIR" "$root"
  ROOT_BUILD_DIR=
  log "root ready: $root ($(du -sh "$root" | cut -f1))"
}

# The engine to talk to: DOCKER_HOST (unix:// or tcp://), else docker-engine.sh's private socket.
CURL_TARGET=()
ENGINE_API=
resolve_engine() {
  local host=${DOCKER_HOST:-unix://$ENGINE_SOCKET_DEFAULT}
  case $host in
    unix://*) CURL_TARGET=(--unix-socket "${host#unix://}") ENGINE_API=http://docker ;;
    tcp://*) CURL_TARGET=() ENGINE_API=http://${host#tcp://} ;;
    *) die "DOCKER_HOST='$host' is not unix://PATH or tcp://HOST:PORT" ;;
  esac
  [[ $(curl -s --max-time 5 "${CURL_TARGET[@]}" "$ENGINE_API/_ping" 2>/dev/null) == OK ]] ||
    die "no Docker engine answers at $host; start one with: sudo local-cluster/docker-engine.sh up (then export DOCKER_HOST)"
  log "engine at $host: Docker $(engine GET /version | jq -r .Version)"
}

engine() {
  local method=$1 path=$2
  shift 2
  curl -sS --fail-with-body -X "$method" "${CURL_TARGET[@]}" "$@" "$ENGINE_API$path"
}

# The input-key label of an image, or nothing when the image is absent.
present_key() {
  engine GET "/images/$1/json" 2>/dev/null | jq -r --arg l "$KEY_LABEL" '.Config.Labels[$l] // empty' || true
}

# True (and says so) when image $1 is present with input key $2: nothing to build.
image_current() {
  [[ $(present_key "$1") == "$2" ]] || return 1
  log "$1 is present with input key $2"
}

# Imports "tar -c ARGS..." as image $1 with the Dockerfile instructions of the CHANGES array (docker import's
# --change); streamed, no archive on disk.
import_image() {
  local image=$1 query change response
  shift
  query="fromSrc=-&repo=$(jq -rn --arg v "${image%:*}" '$v|@uri')&tag=$(jq -rn --arg v "${image##*:}" '$v|@uri')"
  for change in "${CHANGES[@]}"; do
    query+="&changes=$(jq -rn --arg v "$change" '$v|@uri')"
  done
  response=$(tar --numeric-owner -c "$@" | engine POST "/images/create?$query" -H 'Content-Type: application/x-tar' -T -) ||
    die "importing $image failed: $response"
  if grep -q '"error' <<<"$response"; then die "importing $image failed: $(jq -r '.error // empty' <<<"$response" | head -3)"; fi
  log "imported $image ($(engine GET "/images/$image/json" | jq -r '"\(.Id[7:19]), \(.Size / 1048576 | floor) MB"'))"
}
