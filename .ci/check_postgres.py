"""Fail unless the PostgreSQL-parametrised tests ran and none of them was skipped."""

import sys
import xml.etree.ElementTree as ET

cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
ran = skipped = 0
skipped_names = []
for case in cases:
    if "postgresql" not in case.get("name", ""):
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
