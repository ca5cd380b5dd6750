"""Fail unless the PostgreSQL-parametrised tests ran and none of them was skipped."""

import re
import sys
import xml.etree.ElementTree as ET

# The backend is a parameter of the test id ("test_x[postgresql]", "test_y[postgresql-csv]"),
# not a word of its name ("test_postgresql_refuses_...[sqlite]" runs on SQLite).
ON_POSTGRESQL = re.compile(r"\[(?:[^\]]*-)?postgresql(?:-[^\]]*)?\]$")

cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
ran = skipped = 0
skipped_names = []
for case in cases:
    if not ON_POSTGRESQL.search(case.get("name", "")):
        continue
    if case.find("skipped") is not None:
        skipped += 1
        skipped_names.append(f"{case.get('classname')}::{case.get('name')}")
    else:
        ran += 1
print(f"PostgreSQL tests: {ran} ran, {skipped} skipped")
if skipped or ran == 0:
    for name in skipped_names[:20]:
        print(f"  skipped: {name}")
    sys.exit("PostgreSQL tests were skipped or did not run: CI fails")
