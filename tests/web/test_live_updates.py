"""The explorer offers articles that `eventwire run` stores while the page is open (issue 22)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.web.conftest import _serve

pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

#: Another process adds two articles, as `eventwire run` would, through the same file locking.
WRITER = textwrap.dedent("""
    import sys
    from eventwire.store import Store
    with Store(sys.argv[1]) as store:
        for i in range(2):
            store.con.execute("INSERT INTO articles (id, title, text) VALUES (?, ?, ?)",
                              [f"live-{i}", f"Added while serving {i}", "Text."])
""")


def test_new_articles_are_offered_within_seconds(browser, explorer_file, tmp_path):
    db = str(tmp_path / "live.duckdb")
    shutil.copy(explorer_file, db)
    url, server, thread, app = _serve(db, None)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(f"{url}/?view=articles")
        page.wait_for_selector("body[data-rendered='articles']")
        before = page.locator("main").inner_text()
        assert "Added while serving" not in before
        subprocess.run([sys.executable, "-c", WRITER, db], check=True, timeout=60)
        page.wait_for_selector("#new-articles", timeout=12000)
        assert page.locator("#new-articles").inner_text().startswith("2 new articles stored")
        page.click("#new-articles button")
        page.wait_for_selector("main :text('Added while serving 1')")
        assert page.locator("#new-articles").count() == 0
    finally:
        context.close()
        server.should_exit = True
        thread.join(timeout=5)
        app.state.db.close()
