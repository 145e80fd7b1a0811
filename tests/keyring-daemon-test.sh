#!/usr/bin/env bash
# Runs the keyring-facing session tests against a real gnome-keyring-daemon
# on a private D-Bus session (libsecret's D-Bus backend, not the file one).
set -euo pipefail
test_session=$1
command -v gnome-keyring-daemon >/dev/null || { echo "1..0 # SKIP gnome-keyring-daemon is not installed"; exit 0; }

home=$(mktemp -d /tmp/hibachi-keyring-XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/runtime"
chmod 700 "$home/runtime"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/runtime" XDG_CONFIG_HOME="$home/config"
unset SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD

exec dbus-run-session -- sh -c '
  printf %s hibachi-keyring-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
  exec "$0" --tap
' "$test_session"
