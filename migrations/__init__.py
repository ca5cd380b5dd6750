"""Alembic migrations of the ledger schema (run by `pxl init`)."""
