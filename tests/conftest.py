"""Fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL tests need ``PXL_TEST_POSTGRES_URL`` (e.g. postgresql://postgres@127.0.0.1:5432/test);
without it they are skipped, and `.ci/run` fails if any were. With it set, an unreachable
server is an error, not a skip. Each test gets a fresh database cloned from a migrated
template, so tests never need to delete from the (append-only) tables.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from pxl.ledger.db import normalise_url
from pxl.ledger.store import Ledger

PG_URL = os.environ.get("PXL_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _pg_admin_dsn() -> str:
    url = make_url(normalise_url(PG_URL or ""))
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_url_for(database: str) -> str:
    return make_url(normalise_url(PG_URL or "")).set(database=database).render_as_string(hide_password=False)


def _pg_execute(sql: str) -> None:
    with psycopg.connect(_pg_admin_dsn(), autocommit=True) as connection:
        connection.execute(sql)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "pxl.ledger.db"
    Ledger.init(f"sqlite:///{path}").close()
    return path


@pytest.fixture(scope="session")
def pg_template():
    if not PG_URL:
        pytest.skip("PXL_TEST_POSTGRES_URL is not set")
    name = f"pxl_template_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    _pg_execute(f'CREATE DATABASE "{name}"')
    Ledger.init(_pg_url_for(name)).close()
    yield name
    _pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Backend:
    """A fresh, migrated ledger database of one kind; ``url`` for the CLI, ``ledger()`` for the API."""

    def __init__(self, name: str, url: str):
        self.name = name
        self.url = url
        self._ledgers: list[Ledger] = []

    def ledger(self, **kwargs) -> Ledger:
        ledger = Ledger.open(self.url, **kwargs)
        self._ledgers.append(ledger)
        return ledger

    def close(self) -> None:
        for ledger in self._ledgers:
            ledger.close()


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "pxl.ledger.db"
        shutil.copy(template, path)
        backend = Backend("sqlite", f"sqlite:///{path}")
        yield backend
        backend.close()
    else:
        template = request.getfixturevalue("pg_template")
        name = f"pxl_test_{uuid.uuid4().hex[:12]}"
        _pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        backend = Backend("postgresql", _pg_url_for(name))
        yield backend
        backend.close()
        _pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path):
    """A URL where no ledger exists yet (for init and migration tests)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        if not PG_URL:
            pytest.skip("PXL_TEST_POSTGRES_URL is not set")
        name = f"pxl_empty_{uuid.uuid4().hex[:12]}"
        _pg_execute(f'CREATE DATABASE "{name}"')
        yield _pg_url_for(name)
        _pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def run(backend):
    """Invoke ``pxl --db <backend> ARGS...`` through click's CliRunner."""
    from click.testing import CliRunner

    from pxl.cli.main import pxl

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(pxl, ["--db", backend.url, *args], input=input, catch_exceptions=False)

    return invoke
