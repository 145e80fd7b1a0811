#!/usr/bin/env bash
# The install a Flatpak build makes: `meson install` into a DESTDIR, then
# every file the manifest, desktop file and metainfo rely on is there, under
# the build's prefix (the Flatpak uses /app; the layout below it is the same).
# Usage: check-install.sh BUILDDIR PREFIX APP_ID
set -uo pipefail
builddir=$1 prefix=$2 app_id=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

echo "1..3"
if meson install -C "$builddir" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  echo "ok 1 - meson install into a DESTDIR"
else
  echo "not ok 1 - meson install failed: $(tail -3 "$dest.log")"
fi
rm -f "$dest.log"

root="$dest$prefix"
expected=(
  bin/hibachi-admin
  bin/hibachi-server
  "share/applications/$app_id.desktop"
  "share/metainfo/$app_id.metainfo.xml"
  "share/icons/hicolor/scalable/apps/$app_id.svg"
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "share/glib-2.0/schemas/com.myhibachichef.Admin.gschema.xml"
  share/locale/es/LC_MESSAGES/hibachi-admin.mo
  share/help/C/hibachi-admin/index.page
  share/help/C/hibachi-admin/bookings.page
)
missing=()
for f in "${expected[@]}"; do
  [ -e "$root/$f" ] || missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ok 2 - every file the Flatpak needs is installed under $prefix"
else
  echo "not ok 2 - missing under $prefix: ${missing[*]} (installed: $(cd "$root" 2>/dev/null && find . -type f | head -40 | tr '\n' ' '))"
fi

desktop="$root/share/applications/$app_id.desktop"
exec_line=$(grep -m1 '^Exec=' "$desktop" 2>/dev/null | cut -d= -f2 | cut -d' ' -f1)
icon_line=$(grep -m1 '^Icon=' "$desktop" 2>/dev/null | cut -d= -f2)
if [ -x "$root/bin/$exec_line" ] && [ "$icon_line" = "$app_id" ]; then
  echo "ok 3 - the desktop file starts bin/$exec_line and shows the $icon_line icon"
else
  echo "not ok 3 - desktop file Exec=$exec_line Icon=$icon_line do not match what is installed"
fi
