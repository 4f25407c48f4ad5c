"""The fictional explorer database and a test client over it."""

from __future__ import annotations

import warnings

import pytest

from tests.api.fixture_db import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def explorer_db(tmp_path_factory) -> str:
    return build(str(tmp_path_factory.mktemp("api") / "explorer.duckdb"), with_stories=True)


@pytest.fixture(scope="session")
def client(explorer_db):
    from eventwire.api import create_app

    app = create_app(explorer_db)
    with TestClient(app) as c:
        yield c
    app.state.db.close()


@pytest.fixture
def make_client():
    """A client for an app built with other options (token, timeout, database); closed after the test."""
    from eventwire.api import create_app

    made = []

    def make(db: str, **options) -> TestClient:
        app = create_app(db, **options)
        made.append(app)
        return TestClient(app)

    yield make
    for app in made:
        app.state.db.close()
