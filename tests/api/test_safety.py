"""Bad parameters answer clear 4xx JSON; SQL in text stays text; read-only, time caps, the token and bind rules."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.api.db import Database, QueryTimeout
from eventwire.api.server import BindRefused, build, check_bind, is_loopback, loopback_hosts
from eventwire.cli import app as cli_app
from tests.api.fixture_db import drop_stories


@pytest.mark.parametrize("url, param", [
    ("/api/events?page=abc", "page"),
    ("/api/events?page=0", "page"),
    ("/api/events?page_size=100000", "page_size"),
    ("/api/events?page_size=-5", "page_size"),
    ("/api/events?quad_class=9", "quad_class"),
    ("/api/events?date_from=yesterday", "date_from"),
    ("/api/events?cameo_root=1;", "cameo_root"),
    ("/api/events?sort=date;DROP%20TABLE%20events", "sort"),
    ("/api/events?q=" + "x" * 201, "q"),
    ("/api/counts?by=century", "by"),
    ("/api/counts?group=doc_id", "group"),
    ("/api/map?limit=1000000", "limit"),
    ("/api/network?limit=0", "limit"),
    ("/api/articles?page_size=501", "page_size"),
    ("/api/actors?sort=name%20DESC", "sort"),
    ("/api/search", "q"),
    ("/api/search?q=", "q"),
    ("/api/events/doc-aid/first", "idx"),
])
def test_bad_parameters_are_422_json_naming_the_parameter(client, url, param):
    response = client.get(url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"].startswith("invalid parameter") and param in body["error"]
    assert body["details"][0]["param"] == param


def test_checks_beyond_types_are_422_too(client):
    plover = client.get("/api/events?plover=PROTEST,1%3D1").json()
    assert plover["param"] == "plover" and "PLOVER" in plover["error"]
    dates = client.get("/api/events?date_from=2024-06-01&date_to=2024-01-01")
    assert dates.status_code == 422 and dates.json()["param"] == "date_from"


def test_unknown_things_are_404_json(client):
    for url in ("/api/articles/nope", "/api/events/doc-aid/7", "/api/actors/Nobody", "/api/stories/nope",
                "/api/storylines/nope", "/api/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404 and "error" in response.json(), url


@pytest.mark.parametrize("fragment", ["' OR '1'='1", "%' OR 1=1 --", "'; DROP TABLE events; --",
                                      "\\' UNION SELECT text FROM articles --", "%", "_"])
def test_sql_in_text_filters_is_matched_as_text(client, fragment):
    for url in ("/api/events", "/api/articles", "/api/actors", "/api/search"):
        response = client.get(url, params={"q": fragment})
        assert response.status_code == 200, (url, response.text)
        assert response.json()["total"] == 0, (url, fragment)
    for name in ("actor", "doc_id"):
        assert client.get("/api/events", params={name: fragment}).json()["total"] == 0
    assert client.get("/api/actors/cooccurrences", params={"actor": fragment}).json()["items"] == []
    assert client.get("/api/events").json()["total"] == 9  # the table is still there


def test_the_database_is_opened_read_only(client):
    with pytest.raises(duckdb.Error, match="read-only"):
        client.app.state.db.query("CREATE TABLE intruder (x INTEGER)")


def test_a_slow_query_is_interrupted_at_the_time_cap(explorer_db):
    db = Database(explorer_db, timeout=0.2)
    try:
        with pytest.raises(QueryTimeout, match="0.2 s limit"):
            db.query("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3")
        assert db.query("SELECT 1 AS one") == [{"one": 1}]  # the connection is still usable
    finally:
        db.close()


def test_time_cap_answers_503_json(make_client, explorer_db, monkeypatch):
    client = make_client(explorer_db, query_timeout=1.0)

    def slow(*_args, **_kwargs):
        raise QueryTimeout("query ran past the 1 s limit; narrow the filters")

    monkeypatch.setattr(client.app.state.db, "query", slow)
    response = client.get("/api/events")
    assert response.status_code == 503 and "narrow the filters" in response.json()["error"]


def test_missing_database_is_a_clear_error(tmp_path):
    from eventwire.api import create_app
    from eventwire.api.db import ApiDatabaseError

    with pytest.raises(ApiDatabaseError, match="eventwire run"):
        create_app(str(tmp_path / "none.duckdb"))


def test_database_without_stories_tables(make_client, tmp_path):
    from tests.api.fixture_db import build as build_db

    path = build_db(str(tmp_path / "plain.duckdb"))
    drop_stories(path)
    client = make_client(path)
    assert client.get("/api/stories").json() == {"total": 0, "page": 1, "page_size": 50, "items": [], "available": False}
    assert client.get("/api/storylines").json()["available"] is False
    missing = client.get("/api/storylines/sl-north")
    assert missing.status_code == 404 and "no storylines table" in missing.json()["error"]
    assert client.get("/api/meta").json()["stories"] is False


# -- the token rule --------------------------------------------------------------------

def test_token_is_required_everywhere_when_set(make_client, explorer_db):
    client = make_client(explorer_db, token="s3cret")
    for url in ("/", "/api/events", "/openapi.json", "/static/js/main.js"):
        response = client.get(url)
        assert response.status_code == 401 and "token" in response.json()["error"], url
    assert client.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_token_in_the_url_sets_a_cookie_for_the_ui(make_client, explorer_db):
    client = make_client(explorer_db, token="s3cret")
    first = client.get("/?token=s3cret")
    assert first.status_code == 200
    cookie = first.headers["set-cookie"].lower()
    assert "eventwire_token=s3cret" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/api/meta").status_code == 200  # the cookie now travels with the UI's requests


def test_bind_rule():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10") and not is_loopback("example.org")
    assert check_bind("127.0.0.1", None, False) is None
    assert check_bind("0.0.0.0", "s3cret", False) is None
    with pytest.raises(BindRefused, match="--token"):
        check_bind("0.0.0.0", None, False)
    assert "without a token" in check_bind("0.0.0.0", None, True)


def test_loopback_server_rejects_other_host_names(explorer_db):
    from fastapi.testclient import TestClient

    app, warning = build(explorer_db, "127.0.0.1", None, False)
    try:
        assert warning is None
        client = TestClient(app, base_url="http://127.0.0.1:8000")
        assert client.get("/api/meta").status_code == 200
        assert client.get("/api/meta", headers={"Host": "attacker.example"}).status_code == 400
    finally:
        app.state.db.close()


def test_serve_refuses_an_open_address_without_token(explorer_db):
    result = CliRunner().invoke(cli_app, ["serve", "--db", explorer_db, "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "refusing to serve on 0.0.0.0" in result.output and "--insecure" in result.output


def test_serve_starts_uvicorn_on_loopback(explorer_db, monkeypatch):
    started = {}
    monkeypatch.setattr("eventwire.api.server.serve", lambda app, host, port, **limits: started.update(
        host=host, port=port, **limits))
    result = CliRunner().invoke(cli_app, ["serve", "--db", explorer_db, "--port", "8765", "--header-timeout", "4",
                                          "--max-connections", "100"])
    assert result.exit_code == 0, result.output
    assert started == {"host": "127.0.0.1", "port": 8765, "header_timeout": 4.0, "max_connections": 100}
    assert "http://127.0.0.1:8765/" in result.output


def test_serve_rejects_limits_that_are_not_positive(explorer_db):
    for option in (["--header-timeout", "0"], ["--max-connections", "0"]):
        result = CliRunner().invoke(cli_app, ["serve", "--db", explorer_db, *option])
        assert result.exit_code == 2 and option[0] in result.output, result.output


def test_a_loopback_server_answers_its_own_address_as_host():
    assert loopback_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert "127.0.0.2" in loopback_hosts("127.0.0.2")
    assert "[::1]" in loopback_hosts("::1") and "[::1]" in loopback_hosts("0:0:0:0:0:0:0:1")


def test_no_page_pulls_scripts_from_a_cdn(client):
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "eventwire explorer"
