#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No two test programs share a keyring file.

Test programs run two at once, and libsecret's file backend refuses a write
over a file another process changed ("The file was externally modified"):
two programs on one SECRET_FILE_TEST_PATH fail each other now and then, as
`session` and five other integration tests did on CI. Reads the build's
list of tests (meson-info/intro-tests.json); TAP, one line.

Usage: check-test-keyrings.py BUILDDIR
"""
import collections
import json
import os
import sys

with open(os.path.join(sys.argv[1], "meson-info", "intro-tests.json"), encoding="utf-8") as f:
    tests = json.load(f)

users = collections.defaultdict(list)
for test in tests:
    env = test.get("env") or {}
    if env.get("SECRET_BACKEND") == "file" and env.get("SECRET_FILE_TEST_PATH"):
        users[env["SECRET_FILE_TEST_PATH"]].append(test["name"])

shared = {path: names for path, names in users.items() if len(names) > 1}
print("1..1")
if not users:
    print("not ok 1 - no test uses the file keyring; is this the right build directory?")
elif shared:
    detail = "; ".join(f"{', '.join(names)} share {os.path.basename(path)}" for path, names in shared.items())
    print(f"not ok 1 - keyring files shared: {detail}")
else:
    print(f"ok 1 - {len(users)} tests, each with a keyring file of its own")
