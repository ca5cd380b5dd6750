"""Maps the project's top-level folders into one import package, ``pxl``.

The folders the project was asked for (ledger/, cli/, reports/, migrations/) stay at the
top of the checkout; the wheel installs them as ``pxl.ledger``, ``pxl.cli``, ... so it
owns exactly one top-level name. Subpackages are discovered, never listed by hand.
"""

from setuptools import find_packages, setup

FOLDERS = ("ledger", "cli", "reports", "migrations")

subpackages = find_packages(include=[f"{folder}*" for folder in FOLDERS])
setup(
    packages=["pxl", *(f"pxl.{name}" for name in subpackages)],
    package_dir={"pxl": "pxl", **{f"pxl.{folder}": folder for folder in FOLDERS}},
)
