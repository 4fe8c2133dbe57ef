# What the terminal dashboard's tests and its screenshot need: tmux for a
# pseudo-terminal the tests can read and type into, and aha to turn a
# captured pane with its colours into HTML for the screenshot.
# shellcheck shell=bash

ensure_tmux() {
  apt_install tmux
}

ensure_aha() {
  apt_install aha
}
