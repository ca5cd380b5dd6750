"""Alembic environment: online migrations on a connection handed in by pxl, or on the URL
from alembic.ini / PXL_DATABASE_URL when run as `alembic ...` by a developer."""

from __future__ import annotations

import logging.config

from alembic import context

from pxl.ledger.db import default_url, make_engine
from pxl.ledger.schema import metadata

config = context.config
if config.config_file_name is not None:
    logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or default_url()
    engine = make_engine(url, create=True)
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("pxl migrations run online only: they create triggers per dialect")
run_migrations_online()
