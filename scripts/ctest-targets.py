#!/usr/bin/env python3
"""Print the build targets the selected ctest tests need, one a line (scripts/sanitize.sh).

stdin: `ctest --show-only=json-v1 ...` of a configured (not yet built) Ninja tree: the names of
the selected tests. argv[1]: that tree. Their commands come from the tree's CTestTestfile.cmake
files (ctest leaves a command out of the JSON while its executable is not built yet). A target is
every file inside the tree named in a selected test's command, alone or inside an argument such
as -DBINARIES=a|b, that `ninja -t targets all` lists as an output; so the module-graph self-tests'
-B folders are left out. Printed relative to the tree, as ninja names them.
"""
import json
import os
import re
import subprocess
import sys

build = os.path.realpath(sys.argv[1])
listing = subprocess.run(["ninja", "-C", build, "-t", "targets", "all"], check=True,
                         capture_output=True, text=True).stdout
outputs = {line.rsplit(": ", 1)[0] for line in listing.splitlines()}

commands = {}
add_test = re.compile(r'^add_test\(\[=\[(.*?)\]=\] (.*)\)$')
for folder, _, files in os.walk(build):
    if "CTestTestfile.cmake" in files:
        with open(os.path.join(folder, "CTestTestfile.cmake"), encoding="utf-8") as f:
            for line in f:
                m = add_test.match(line.strip())
                if m:
                    commands[m.group(1)] = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))

wanted = []
for test in json.load(sys.stdin).get("tests", []):
    name = test["name"]
    if name not in commands:
        sys.exit(f"ctest-targets.py: no add_test for {name} under {build}")
    for arg in commands[name]:
        for token in re.split(r"[|=]", arg):
            if token.startswith(build + "/"):
                rel = os.path.relpath(token, build)
                if rel in outputs and rel not in wanted:
                    wanted.append(rel)
print("\n".join(wanted))
