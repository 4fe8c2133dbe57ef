# Headless Chromium from Debian's packages, for the tests that render a page
# (the HTML report) and for the screenshots under docs/.
# shellcheck shell=bash

ensure_chromium() {
  # Without recommends Chromium brings no fonts, and text would draw as boxes.
  apt_install chromium fonts-dejavu-core
}

# chromium_screenshot PAGE OUT.png WIDTH HEIGHT: renders a local file to PNG.
# The flags keep Chromium off the network (this machine's is closed, and each
# refused background connection costs time) and away from any profile.
chromium_screenshot() {
  local page=$1 out=$2 width=$3 height=$4 profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$out" "file://$(realpath "$page")" \
    >/dev/null 2>&1
  local status=$?
  rm -rf "$profile"
  [ "$status" -eq 0 ] && [ -s "$out" ]
}
