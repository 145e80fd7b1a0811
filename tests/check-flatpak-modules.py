#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak builds the library versions the tests ran against.

For each module the manifest builds, the version its git tag names must be
the version pkg-config finds on the stack the tests ran on (TAP, one line a
module). libsodium (the server's password hashing and tokens) is the same on
both test stacks, Debian 12 and 13, and is checked on both; the others
(libshumate and the protobuf-c it needs) follow the GNOME runtime, so they
are checked where the stack has the runtime's GTK (Debian 13 for GNOME 48)
and skipped elsewhere. A module added to the manifest without a line in
MODULES, a runtime-version missing from RUNTIMES, or a patch file that does
not exist fails.

Usage: check-flatpak-modules.py MANIFEST
"""
import json
import os
import re
import subprocess
import sys

# GNOME runtime version → the GTK minor it ships (and Debian 13 ships).
RUNTIMES = {"48": "4.18"}

# Manifest module → (pkg-config name, checked on every stack?)
MODULES = {
    "libsodium": ("libsodium", True),
    "protobuf-c": ("libprotobuf-c", False),
    "libshumate": ("shumate-1.0", False),
}


def modversion(name):
    out = subprocess.run(["pkg-config", "--modversion", name], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def tag_version(module):
    for source in module.get("sources", []):
        if source.get("type") in ("git", "archive") and "tag" in source:
            return re.sub(r"^v|-RELEASE$", "", source["tag"])
    return None


def main():
    manifest_path = sys.argv[1]
    with open(manifest_path) as f:
        manifest = json.load(f)
    here = os.path.dirname(manifest_path)
    lines = []

    runtime = manifest.get("runtime-version")
    gtk = modversion("gtk4")
    gtk_minor = ".".join(gtk.split(".")[:2]) if gtk else None
    if runtime in RUNTIMES:
        lines.append((True, f"runtime {runtime} is GTK {RUNTIMES[runtime]}; this stack has GTK {gtk}"))
    else:
        lines.append((False, f"runtime-version {runtime} is not in RUNTIMES: say which GTK it ships"))
    runtime_stack = RUNTIMES.get(runtime) == gtk_minor

    for module in manifest["modules"]:
        name = module["name"]
        if module.get("sources", [{}])[0].get("type") == "dir":
            continue  # Hibachi Admin itself
        for source in module.get("sources", []):
            if source.get("type") == "patch" and not os.path.isfile(os.path.join(here, source["path"])):
                lines.append((False, f"{name}: patch {source['path']} is missing"))
        if name not in MODULES:
            lines.append((False, f"{name}: not in MODULES: say how the tests' version of it is found"))
            continue
        pkg, every_stack = MODULES[name]
        built = tag_version(module)
        tested = modversion(pkg)
        if not every_stack and not runtime_stack:
            lines.append((None, f"{name} {built}: this stack (GTK {gtk}) is not the runtime's"))
        elif tested is None:
            lines.append((False, f"{name} {built}: pkg-config finds no {pkg} on this stack"))
        else:
            lines.append((built == tested, f"{name}: the manifest builds {built}, the tests ran on {tested}"))

    print(f"1..{len(lines)}")
    for i, (ok, text) in enumerate(lines, 1):
        if ok is None:
            print(f"ok {i} # SKIP {text}")
        else:
            print(f"{'ok' if ok else 'not ok'} {i} - {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
