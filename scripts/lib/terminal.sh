# What the terminal dashboard's tests and its screenshot need: tmux for a
# pseudo-terminal the tests can read and type into, and aha to turn a
# captured pane with its colours into HTML for the screenshot.
# shellcheck shell=bash

ensure_tmux() {
  apt_install tmux
}

# The record's fault-injection tests run the program under strace, which
# fails chosen writes and syncs (ENOSPC, EIO) or kills at them (issue 19).
ensure_strace() {
  apt_install strace
}

ensure_aha() {
  apt_install aha
}

# wait_gone PID TENTHS: waits up to TENTHS tenths of a second for process PID
# to end; fails if it is still running then. A zombie counts as ended: the
# program has finished and only its parent's bookkeeping is left.
wait_gone() {
  local pid=$1 tenths=$2 state
  for _ in $(seq 1 "$tenths"); do
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 0
    [ -z "$state" ] || [ "$state" = Z ] && return 0
    sleep 0.1
  done
  return 1
}
