#!/usr/bin/env bash
# The API document is the contract another backend may adopt: it lints with
# Redocly CLI (every rule of data/redocly.yaml is an error) with no error and
# no warning. build-aux/install-deps installs the linter; a missing one fails.
set -uo pipefail
root=$1
redocly_version=1.34.20   # as in build-aux/install-deps
redocly="${HIBACHI_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hibachi-admin/tools}/redocly-cli-$redocly_version/node_modules/.bin/redocly"
echo "1..1"

if [ ! -x "$redocly" ]; then
  echo "not ok 1 - the OpenAPI linter is not installed at $redocly: run build-aux/install-deps"
  exit 0
fi

# No telemetry, no update check: the linter only reads the file.
out=$(cd "$root" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1 \
      "$redocly" lint --config data/redocly.yaml --format=stylish data/openapi.json 2>&1)
status=$?
if [ $status -ne 0 ] || echo "$out" | grep -qiE 'warning|error'; then
  echo "not ok 1 - data/openapi.json does not lint clean (redocly exit $status)"
  echo "$out" | sed 's/^/# /'
else
  echo "ok 1 - data/openapi.json lints clean with Redocly CLI $redocly_version"
fi
