# Installs what the BLE end-to-end tests need: a D-Bus daemon for the private
# bus and the Python D-Bus library the fake BlueZ is written with.
# shellcheck shell=bash

ensure_ble_fake() {
  apt_install dbus python3-dbus-fast
}
