#!/usr/bin/env bash
# Translations stay complete: every source file with marked strings is in
# po/POTFILES.in, and po/es.po translates every string of the current sources
# (no untranslated or fuzzy entry after merging a fresh template).
set -euo pipefail
root=$1
cd "$root"
echo "1..2"

listed=$(grep -v '^#' po/POTFILES.in | sort)
marked=$(grep -rlE '_\(|N_\(|translatable="yes"' src data --include=*.c --include=*.ui --include=*.in --include=*.xml \
         | grep -v '^src/server/' | sort)
missing=$(comm -13 <(echo "$listed") <(echo "$marked") || true)
if [ -n "$missing" ]; then
  echo "not ok 1 - files with translatable strings missing from po/POTFILES.in: $missing"
else
  echo "ok 1 - po/POTFILES.in lists every file with translatable strings"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --files-from=<(grep -v '^#' po/POTFILES.in) -o "$work/fresh.pot" 2>/dev/null
msgmerge --quiet --no-fuzzy-matching -o "$work/es.po" po/es.po "$work/fresh.pot"
stats=$(msgfmt --check --statistics -o /dev/null "$work/es.po" 2>&1)
if echo "$stats" | grep -qE 'untranslated|fuzzy' || ! msgfmt --check -o /dev/null po/es.po; then
  echo "not ok 2 - po/es.po is incomplete: $stats"
else
  echo "ok 2 - po/es.po is complete ($stats)"
fi
