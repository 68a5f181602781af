#!/usr/bin/env bash
# Builds everything the local v1.20 cluster needs, offline apart from Debian's and NuGet's package registries:
#   1. the Debian packages of the runtime (containerd, runc, CNI plugins, etcd) and of the build (Go 1.19, make…);
#   2. kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and kubectl v1.20.2, compiled from Debian
#      bookworm's kubernetes source package (cached per source version: a second run skips it);
#   3. three OCI image archives: the pause image (from the tree's pause.c), the target app (a self-contained .NET
#      publish on a root filesystem of the machine's own libraries and busybox) and the example own app
#      (examples/own-app, the same without busybox), each rebuilt when it changes.
# Results go to $PROBE_CLUSTER_CACHE (default /var/cache/probe-harness). Needs root on Debian/Ubuntu.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BUILD_PACKAGES=(golang-go golang-github-modern-go-reflect2-dev rsync jq make gcc libc6-dev dpkg-dev curl openssl)
RUNTIME_PACKAGES=(containerd runc containernetworking-plugins etcd-server busybox-static coreutils dash iproute2 util-linux)
WORK_DIR=$K8S_CACHE/work
APT_SRC_DIR=$CACHE_ROOT/apt-source

preflight() {
  require_root_on_linux
  if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    die "this build installs Debian packages: it needs a Debian machine with apt-get"
  fi
  mkdir -p "$CACHE_ROOT" "$IMAGE_CACHE"
}

install_packages() {
  local package missing=()
  for package in "${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    log "all packages present"
    return
  fi
  log "installing ${missing[*]}"
  # The packaged containerd and etcd services must not start on install: this cluster runs its own instances.
  local own_policy=false
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=true
  fi
  apt-get update -q || { $own_policy && rm -f /usr/sbin/policy-rc.d; die "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends \
    "${missing[@]}" || { $own_policy && rm -f /usr/sbin/policy-rc.d; die "apt-get install ${missing[*]} failed"; }
  if $own_policy; then rm -f /usr/sbin/policy-rc.d; fi
}

# apt-get with a private deb-src list and state, so /etc/apt stays untouched.
apt_source() {
  apt-get -o Dir::Etc::sourcelist="$APT_SRC_DIR/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$APT_SRC_DIR/lists" -o Dir::Cache="$APT_SRC_DIR/cache" "$@"
}

# Turns the machine's own "deb" entries (one-line and deb822 formats) into "deb-src" lines.
write_source_list() {
  mkdir -p "$APT_SRC_DIR/lists/partial" "$APT_SRC_DIR/cache/archives/partial"
  {
    local file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      if [[ -f $file ]]; then sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$file"; fi
    done
    for file in /etc/apt/sources.list.d/*.sources; do
      [[ -f $file ]] || continue
      awk 'BEGIN { RS = ""; FS = "\n" }
        { types = uris = suites = comps = signed = ""
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^#/) continue
            key = $i; sub(/:.*/, "", key); value = $i; sub(/^[^:]*:[[:space:]]*/, "", value)
            if (key == "Types") types = value; else if (key == "URIs") uris = value
            else if (key == "Suites") suites = value; else if (key == "Components") comps = value
            else if (key == "Signed-By") signed = value
          }
          if (types !~ /(^| )deb( |$)/) next
          n = split(uris, u, " "); m = split(suites, s, " ")
          for (a = 1; a <= n; a++) for (b = 1; b <= m; b++)
            print "deb-src " (signed == "" ? "" : "[signed-by=" signed "] ") u[a] " " s[b] " " comps }' "$file"
    done
  } | sort -u >"$APT_SRC_DIR/sources.list"
  [[ -s $APT_SRC_DIR/sources.list ]] || die "no Debian archive found in /etc/apt to derive deb-src entries from"
}

source_tree() { printf '%s/%s-%s' "$WORK_DIR" "$K8S_SOURCE_PACKAGE" "${K8S_SOURCE_VERSION%%-*}"; }

fetch_source() {
  if [[ -f $(source_tree)/.fetched ]]; then
    log "source tree already unpacked: $(source_tree)"
    return
  fi
  write_source_list
  apt_source update -q || die "apt-get update of the deb-src list ($APT_SRC_DIR/sources.list) failed"
  rm -rf "$WORK_DIR"
  mkdir -p "$WORK_DIR"
  (cd "$WORK_DIR" && apt_source source -q "$K8S_SOURCE_PACKAGE=$K8S_SOURCE_VERSION") ||
    die "apt-get source $K8S_SOURCE_PACKAGE=$K8S_SOURCE_VERSION failed (is that version still in the archive?)"
  [[ -f $(source_tree)/build/pause/linux/pause.c ]] || die "unexpected source layout: $(source_tree)"
  touch "$(source_tree)/.fetched"
}

# v1.20.2 vendors reflect2 v1.0.1, whose map iteration crashes under Go >= 1.18 (the API server dies with "fatal
# error: fault" in reflect2.UnsafeMapType.UnsafeIterate on its first JSON response with a map). Debian packages
# reflect2 1.0.2, the release made for Go 1.18 that later Kubernetes versions vendor: put it in place of v1.0.1.
patch_vendor() {
  local tree vendored=vendor/github.com/modern-go/reflect2 fixed=/usr/share/gocode/src/github.com/modern-go/reflect2
  tree=$(source_tree)
  [[ -f $tree/.vendor-patched ]] && return
  [[ -f $fixed/go_above_118.go ]] || die "$fixed lacks go_above_118.go: Debian package golang-github-modern-go-reflect2-dev >= 1.0.2 needed"
  rsync -a --delete --exclude '*_test.go' --exclude test/ --exclude go.mod --exclude go.sum --exclude '.*' "$fixed/" "$tree/$vendored/"
  sed -i 's#=> github.com/modern-go/reflect2 v1.0.1#=> github.com/modern-go/reflect2 v1.0.2#' "$tree/go.mod" "$tree/vendor/modules.txt"
  touch "$tree/.vendor-patched"
}

compile_kubernetes() {
  local what=() component
  for component in "${K8S_COMPONENTS[@]}"; do what+=("cmd/$component"); done
  # v1.20 needs make's generated files (plain `go build` is not enough); everything comes from vendor/.
  (cd "$(source_tree)" &&
    env GOFLAGS=-mod=vendor GOPROXY=off GOTOOLCHAIN=local GOCACHE="$WORK_DIR/gocache" GOPATH="$WORK_DIR/gopath" \
      KUBE_GIT_VERSION="$K8S_GIT_VERSION" KUBE_GIT_TREE_STATE=clean \
      make WHAT="${what[*]}") || die "make failed in $(source_tree)"
}

compile_pause() {
  gcc -Os -static -Wall -Werror -DVERSION="$K8S_GIT_VERSION-probe-harness" \
    -o "$WORK_DIR/pause" "$(source_tree)/build/pause/linux/pause.c" || die "compiling pause.c failed"
}

install_binaries() {
  local component
  mkdir -p "$K8S_BIN.new"
  for component in "${K8S_COMPONENTS[@]}"; do
    install -m 0755 "$(source_tree)/_output/local/bin/linux/amd64/$component" "$K8S_BIN.new/$component"
  done
  install -m 0755 "$WORK_DIR/pause" "$K8S_BIN.new/pause"
  build_info >"$K8S_BIN.new/BUILD-INFO"
  rm -rf "$K8S_BIN"
  mv "$K8S_BIN.new" "$K8S_BIN"
  # The source tree and Go cache are large and only needed to build again; PROBE_CLUSTER_KEEP_SOURCE=1 keeps them.
  [[ ${PROBE_CLUSTER_KEEP_SOURCE:-0} == 1 ]] || rm -rf "$WORK_DIR"
}

# What the cached binaries were built from; a change of recipe (K8S_BUILD_REVISION) or Go version rebuilds them.
build_info() {
  printf 'source=%s=%s revision=%s go=%s\n' "$K8S_SOURCE_PACKAGE" "$K8S_SOURCE_VERSION" "$K8S_BUILD_REVISION" "$(go env GOVERSION)"
}

build_kubernetes() {
  if [[ $(cat "$K8S_BIN/BUILD-INFO" 2>/dev/null) == "$(build_info)" ]]; then
    log "cached: $K8S_BIN ($("$K8S_BIN/kubelet" --version 2>/dev/null))"
    return
  fi
  step "fetch source $K8S_SOURCE_PACKAGE=$K8S_SOURCE_VERSION" fetch_source
  step "vendor reflect2 1.0.2 for Go $(go env GOVERSION)" patch_vendor
  step "make ${K8S_COMPONENTS[*]} (several minutes)" compile_kubernetes
  step "compile pause" compile_pause
  step "install binaries into $K8S_BIN" install_binaries
}

# Prints a digest of every file under the given directories plus the image recipe, to decide on rebuilding.
content_digest() {
  { find "$@" -type f -print0 | sort -z | xargs -0 sha256sum
    sha256sum "$LOCAL_CLUSTER_DIR/oci-image.sh" "$0"; } | sha256sum | cut -d' ' -f1
}

build_pause_image() {
  local rootfs=$IMAGE_CACHE/pause/rootfs digest
  digest=$(content_digest "$K8S_BIN/pause")
  if [[ -f $PAUSE_ARCHIVE && $(cat "$PAUSE_ARCHIVE.digest" 2>/dev/null) == "$digest" ]]; then
    log "pause image up to date"
    return
  fi
  rm -rf "$rootfs"
  mkdir -p "$rootfs"
  install -m 0755 "$K8S_BIN/pause" "$rootfs/pause"
  "$LOCAL_CLUSTER_DIR/oci-image.sh" --rootfs "$rootfs" --name "$PAUSE_IMAGE" --out "$PAUSE_ARCHIVE" \
    --entrypoint '["/pause"]' --user 65535:65535
  echo "$digest" >"$PAUSE_ARCHIVE.digest"
  rm -rf "$rootfs"
}

# Publishes a .NET project from a copy of the sources ($IMAGE_CACHE/<name>/src), so this restore for linux-x64 never
# races the other builds of the repository: publish_self_contained NAME DIR PROJECT, DIR relative to the repository
# root, PROJECT relative to DIR. The output goes to $IMAGE_CACHE/<name>/publish.
publish_self_contained() {
  local name=$1 dir=$2 project=$3 src=$IMAGE_CACHE/$1/src publish=$IMAGE_CACHE/$1/publish file
  command -v dotnet >/dev/null || die "the $name image needs the .NET SDK (dotnet) on PATH"
  mkdir -p "$src/$dir"
  for file in global.json Directory.Build.props Directory.Packages.props .editorconfig nuget.config NuGet.config; do
    if [[ -f $REPO_ROOT/$file ]]; then cp "$REPO_ROOT/$file" "$src/$file"; else rm -f "$src/$file"; fi
  done
  rsync -a --delete --exclude bin/ --exclude obj/ "$REPO_ROOT/$dir/" "$src/$dir/"
  rm -rf "$publish"
  # As the Dockerfiles publish (ReadyToRun), but self-contained: the image has no .NET base image.
  dotnet publish "$src/$dir/$project" -c Release -r linux-x64 --self-contained \
    -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:GenerateDocumentationFile=false \
    -o "$publish" -v quiet -nologo ||
    die "dotnet publish of $dir/$project failed"
}

# Copies a shared library and everything ldd says it needs into the root filesystem, at the same paths.
copy_with_libraries() {
  local rootfs=$1 file lib
  shift
  for file in "$@"; do
    while read -r lib; do
      # A library of the publish output itself (found through $ORIGIN) is already in /app.
      [[ -e $rootfs$lib || $lib == "$IMAGE_CACHE"/* ]] && continue
      mkdir -p "$rootfs$(dirname "$lib")"
      cp -L "$lib" "$rootfs$lib"
    done < <(ldd "$file" 2>/dev/null | grep -o '/[^ ]*' | sort -u)
  done
}

# The .NET host and its native libraries need the machine's glibc, libstdc++ and friends; OpenSSL is loaded at run
# time (dlopen), so ldd cannot see it: copy_dotnet_libraries ROOTFS APPHOST PUBLISH_DIR.
copy_dotnet_libraries() {
  local rootfs=$1 apphost=$2 publish=$3 lib
  copy_with_libraries "$rootfs" "$apphost" "$publish"/*.so
  for lib in /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3; do
    [[ -e $lib ]] || continue
    copy_with_libraries "$rootfs" "$lib"
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
}

# The non-root user of the aspnet base image (uid 1654), as both images run.
write_users() {
  printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654:app:/app:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$1/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\nnogroup:x:65534:\n' >"$1/etc/group"
}

build_target_image() {
  local publish=$IMAGE_CACHE/target-app/publish rootfs=$IMAGE_CACHE/target-app/rootfs digest applet tool
  step "dotnet publish target-app (self-contained linux-x64)" \
    publish_self_contained target-app target-app ProbeHarness.TargetApp.csproj
  digest=$(content_digest "$publish" /bin/busybox /bin/cat /bin/dash)
  if [[ -f $TARGET_ARCHIVE && $(cat "$TARGET_ARCHIVE.digest" 2>/dev/null) == "$digest" ]]; then
    log "target-app image up to date (publish output unchanged)"
    return
  fi
  rm -rf "$rootfs"
  mkdir -p "$rootfs"/{app,bin,etc,tmp}
  chmod 1777 "$rootfs/tmp"
  cp -a "$publish/." "$rootfs/app/"
  copy_dotnet_libraries "$rootfs" "$publish/ProbeHarness.TargetApp" "$publish"
  # Exec probes run commands such as cat, sh -c and test. The Dockerfile's Debian-based image answers them with
  # GNU coreutils and dash, whose messages the features match ("cat: /tmp/healthy: No such file or directory"):
  # copy those from this machine; busybox supplies the remaining everyday tools (ps, wget, nc…).
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ $applet == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
  done
  for tool in $(dpkg -L coreutils dash | grep -E '^/(usr/)?bin/[^/]+$'); do
    [[ -f $tool && ! -L $tool ]] || continue
    rm -f "$rootfs/bin/${tool##*/}"
    cp "$tool" "$rootfs/bin/${tool##*/}"
    copy_with_libraries "$rootfs" "$tool"
  done
  ln -sf dash "$rootfs/bin/sh"
  write_users "$rootfs"
  "$LOCAL_CLUSTER_DIR/oci-image.sh" --rootfs "$rootfs" --name "$TARGET_IMAGE" --out "$TARGET_ARCHIVE" \
    --entrypoint '["/app/ProbeHarness.TargetApp"]' --workdir /app --user 1654:1654 \
    --env "$(aspnet_image_env)" --port 8080 --port 8081 --port 9090
  echo "$digest" >"$TARGET_ARCHIVE.digest"
  rm -rf "$rootfs"
}

# The environment the Dockerfiles' final stages end with (the aspnet base image's variables, with
# ASPNETCORE_HTTP_PORTS emptied because the apps bind their own ports); the target app's tools live in /bin.
aspnet_image_env() {
  jq -cn '[
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "APP_UID=1654",
    "ASPNETCORE_HTTP_PORTS=",
    "DOTNET_RUNNING_IN_CONTAINER=true",
    "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true"
  ]'
}

# The example of a user's own service (examples/own-app): the app and the libraries it loads, and a POSIX shell
# (dash as /bin/sh) as the aspnet base image has, for exec probes and the probe fault proxy's exec shim; no other
# tools. Run as uid 1654 like examples/own-app/Dockerfile.
build_own_app_image() {
  local publish=$IMAGE_CACHE/own-app/publish rootfs=$IMAGE_CACHE/own-app/rootfs digest
  step "dotnet publish examples/own-app (self-contained linux-x64)" \
    publish_self_contained own-app examples/own-app/src OwnApp.csproj
  digest=$(content_digest "$publish" /bin/dash)
  if [[ -f $OWN_APP_ARCHIVE && $(cat "$OWN_APP_ARCHIVE.digest" 2>/dev/null) == "$digest" ]]; then
    log "own-app image up to date (publish output unchanged)"
    return
  fi
  rm -rf "$rootfs"
  mkdir -p "$rootfs"/{app,bin,etc,tmp}
  chmod 1777 "$rootfs/tmp"
  cp -a "$publish/." "$rootfs/app/"
  copy_dotnet_libraries "$rootfs" "$publish/OwnApp" "$publish"
  cp /bin/dash "$rootfs/bin/dash"
  ln -sf dash "$rootfs/bin/sh"
  copy_with_libraries "$rootfs" /bin/dash
  write_users "$rootfs"
  "$LOCAL_CLUSTER_DIR/oci-image.sh" --rootfs "$rootfs" --name "$OWN_APP_IMAGE" --out "$OWN_APP_ARCHIVE" \
    --entrypoint '["/app/OwnApp"]' --workdir /app --user 1654:1654 \
    --env "$(aspnet_image_env)" --port 8080 --port 8081
  echo "$digest" >"$OWN_APP_ARCHIVE.digest"
  rm -rf "$rootfs"
}

main() {
  local started=$EPOCHREALTIME
  step "preflight" preflight
  exec 9>"$CACHE_ROOT/.build.lock"
  flock 9 || die "cannot lock $CACHE_ROOT/.build.lock"
  step "Debian packages" install_packages
  step "Kubernetes $K8S_GIT_VERSION from source package $K8S_SOURCE_VERSION" build_kubernetes
  step "pause image" build_pause_image
  step "target-app image" build_target_image
  step "own-app image" build_own_app_image
  log "build complete in $(elapsed_since "$started") s; cache $CACHE_ROOT uses $(du -sh "$CACHE_ROOT" | cut -f1)"
}

main "$@"
