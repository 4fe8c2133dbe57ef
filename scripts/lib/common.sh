# Shared helpers for the project's scripts: cache location, logging, and the
# Debian mirror read from this machine's own apt configuration.
# shellcheck shell=bash

# Caches live outside the repository so that a fresh clone stays clean and a
# second run on the same machine reuses what the first one installed.
PATELLA_CACHE=${PATELLA_CACHE:-/var/cache/patella}
export PATELLA_CACHE

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt-get update once per run of a script, and only when something is missing.
APT_UPDATED=${APT_UPDATED:-}
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    as_root apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Debian mirror this machine already uses, read from its apt sources at run
# time so that no registry host is ever written into the repository.
debian_mirror() {
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '{print $2}' | grep -v -- '-security' | head -n 1)
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list"
  printf '%s\n' "${uri%/}"
}

# The host's suffix for a shared library, from the kernel's own name: a Mac's
# cargo build makes libpatella_ffi.dylib, Linux's (and other Unix's) .so.
shared_lib_suffix() {
  case "$(uname -s)" in
    Darwin) echo dylib ;;
    *) echo so ;;
  esac
}

# ffi_library DIR: the host build of the FFI library in a cargo profile
# folder (target/debug, target/release), named with the host's suffix.
ffi_library() {
  printf '%s/libpatella_ffi.%s\n' "$1" "$(shared_lib_suffix)"
}
