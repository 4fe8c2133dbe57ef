# Provides `swift`: the one on PATH when there is one (a Mac, or a Linux
# developer with a toolchain), otherwise Debian 13's swiftlang inside a
# debootstrap chroot cached outside the repository.
# shellcheck shell=bash

SWIFT_CHROOT="$PATELLA_CACHE/swift-trixie"

ensure_swift() {
  if command -v swift >/dev/null 2>&1; then
    SWIFT_MODE=host
    export SWIFT_MODE
    return 0
  fi
  SWIFT_MODE=chroot
  export SWIFT_MODE SWIFT_CHROOT
  if [ -f "$SWIFT_CHROOT/.patella-ready" ]; then
    mount_chroot_proc
    return 0
  fi
  apt_install debootstrap
  local mirror
  mirror=$(debian_mirror)
  if [ ! -x "$SWIFT_CHROOT/usr/bin/apt-get" ]; then
    say "debootstrap Debian 13 into $SWIFT_CHROOT (once per machine)"
    rm -rf "$SWIFT_CHROOT"
    mkdir -p "$SWIFT_CHROOT"
    as_root debootstrap --variant=minbase trixie "$SWIFT_CHROOT" "$mirror" >"$PATELLA_CACHE/debootstrap.log" 2>&1 \
      || die "debootstrap failed, see $PATELLA_CACHE/debootstrap.log"
  fi
  mount_chroot_proc
  as_root cp /etc/resolv.conf "$SWIFT_CHROOT/etc/resolv.conf" 2>/dev/null || true
  say "installing swiftlang inside the chroot (once per machine)"
  as_root chroot "$SWIFT_CHROOT" /bin/sh -c \
    'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends swiftlang swiftlang-dev libc6-dev libstdc++-14-dev' \
    >"$PATELLA_CACHE/swiftlang-install.log" 2>&1 \
    || die "installing swiftlang failed, see $PATELLA_CACHE/swiftlang-install.log"
  touch "$SWIFT_CHROOT/.patella-ready"
}

mount_chroot_proc() {
  mountpoint -q "$SWIFT_CHROOT/proc" || as_root mount -t proc proc "$SWIFT_CHROOT/proc"
}

# Runs a command with the given host directories visible at the same paths
# inside the chroot, so that paths printed by the build mean the same thing
# on both sides.
swift_run() {
  local workdir=$1; shift
  if [ "$SWIFT_MODE" = host ]; then
    (cd "$workdir" && "$@")
    return
  fi
  local dir
  for dir in $SWIFT_SHARED_DIRS; do
    mkdir -p "$SWIFT_CHROOT$dir"
    mountpoint -q "$SWIFT_CHROOT$dir" || as_root mount --bind "$dir" "$SWIFT_CHROOT$dir"
  done
  as_root chroot "$SWIFT_CHROOT" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin \
    LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}" /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$workdir" "$@"
}
