"""Defaults the command line needs before it loads the database layer (``pxl --help``
and ``--version`` import neither SQLAlchemy nor a driver)."""

DEFAULT_URL = "sqlite:///ledger.db"
