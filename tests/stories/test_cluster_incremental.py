"""A second `stories.update` over a new batch places articles as one run over both batches would:
the stored stories keep the clusterer's running time mean and spread (and embedding, when on)."""

from __future__ import annotations

from datetime import datetime, timedelta

from eventwire.eval.stories import bcubed, load_articles
from eventwire.store.schema import memory_db
from eventwire.stories import update

_TOPICS = {  # three happenings, each with its own words, reported over the same twelve hours
    "quake": "Earthquake strikes coastal province, rescuers search rubble for survivors",
    "merger": "Brewers agree merger, shareholders weigh takeover premium and regulators",
    "strike": "Dockworkers strike shuts harbour terminals as union rejects wage offer",
}


def _articles() -> list[dict]:
    start = datetime(2024, 5, 1, 6)
    out = []
    for hour in range(12):
        for k, (topic, words) in enumerate(_TOPICS.items()):
            vocab = words.split()
            title = " ".join(vocab[(hour + j) % len(vocab)] for j in range(6))
            when = start + timedelta(hours=hour, minutes=7 * k)
            out.append({"id": f"{topic}-{hour:02d}", "title": title, "text": title,
                        "date": when.isoformat(timespec="seconds"), "site": f"site{hour % 5}"})
    return out


def _run(batches: list[list[dict]]):
    con = memory_db()
    for batch in batches:
        load_articles(con, batch)
        update(con)
    members = dict(con.execute("SELECT doc_id, story_id FROM story_members").fetchall())
    state = con.execute("SELECT num_articles, active, round(spread_hours, 6) FROM stories ORDER BY ALL").fetchall()
    return members, state


def test_two_batches_cluster_like_one_run():
    articles = _articles()
    cut = len(articles) // 2
    one, one_state = _run([articles])
    two, two_state = _run([articles[:cut], articles[cut:]])
    gold = {a["id"]: a["id"].split("-")[0] for a in articles}
    assert bcubed(gold, one)["f1"] == 1.0
    assert bcubed(one, two)["f1"] == 1.0
    assert one_state == two_state
    assert all(active is not None and spread > 0 for _, active, spread in two_state)


def test_stories_table_of_an_older_database_gains_the_state_columns():
    con = memory_db()
    con.execute("DROP TABLE stories")
    con.execute("CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, first_date VARCHAR, "
                "last_date VARCHAR, num_articles BIGINT, num_sources BIGINT, num_copies BIGINT, terms JSON, "
                "actors VARCHAR[], storyline_id VARCHAR)")
    load_articles(con, _articles()[:6])
    update(con)
    rows = con.execute("SELECT active, spread_hours FROM stories").fetchall()
    assert rows and all(active is not None and spread is not None for active, spread in rows)
