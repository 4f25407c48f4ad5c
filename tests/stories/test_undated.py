"""Undated corpora: an article with no date joins a story on content alone, and no merged event joins
unrelated articles (issue 19)."""

from __future__ import annotations

import json
from collections import Counter

import duckdb

import eventwire
from eventwire.stories.cluster import Clusterer
from eventwire.stories.terms import term_counts

STRIKE = ("Nurses at Leeds General Infirmary walked out on Monday over pay, and the hospital cancelled "
          "operations. The Royal College of Nursing said the strike at the infirmary would go on until the "
          "health trust offered a fair pay rise. Tony Blair criticised the opposition. Managers at the "
          "hospital said patients waiting for operations would be seen by agency nurses. {}")
FLOOD = ("Floods in northern Bangladesh have forced thousands of villagers from their homes after the "
         "Brahmaputra burst its banks. Rescue boats carried families from flooded villages to shelters, "
         "and aid agencies sent rice and clean water to the flooded districts. Tony Blair criticised the "
         "opposition. Officials in Dhaka said the river was still rising near the villages. {}")
TAILS = ["Union leaders met ministers later.", "More rain is forecast for the region.",
         "The talks are due to resume next week."]


def _write(folder):
    folder.mkdir()
    for i, tail in enumerate(TAILS):
        (folder / f"strike-{i}.txt").write_text(f"Hospital strike in Leeds, day {i + 1}\n\n" + STRIKE.format(tail))
        (folder / f"flood-{i}.txt").write_text(f"Bangladesh floods, report {i + 1}\n\n" + FLOOD.format(tail))


def test_undated_articles_cluster_by_topic_and_merged_events_stay_inside(tmp_path):
    folder = tmp_path / "undated"
    _write(folder)
    db = str(tmp_path / "u.duckdb")
    eventwire.run([str(folder)], db=db)
    with duckdb.connect(db, read_only=True) as con:
        dates = con.execute("SELECT count(*) FROM articles WHERE date IS NOT NULL").fetchone()[0]
        stories = con.execute("""SELECT m.story_id, list(d.path) FROM story_members m JOIN documents d
                                 ON d.id = m.doc_id GROUP BY 1""").fetchall()
        merged = [json.loads(r[0]) for r in con.execute("SELECT mentions FROM merged_events").fetchall()]
        paths = dict(con.execute("SELECT id, path FROM documents").fetchall())
        first = con.execute("SELECT count(*) FROM stories WHERE first_date IS NOT NULL").fetchone()[0]
    assert dates == 0 and first == 0  # undated stays undated: no date made up from the time it was stored
    topics = [{("strike" if "strike" in p else "flood") for p in members} for _, members in stories]
    assert all(len(t) == 1 for t in topics)  # no story mixes the two
    assert len(stories) == 2
    for mentions in merged:  # the shared 'Blair criticised the opposition' line does not join the topics
        assert len({"strike" in paths[m["doc_id"]] for m in mentions}) == 1


def test_an_undated_article_is_never_pulled_in_by_an_absent_date():
    """A dated story is not a magnet: an undated article joins it only on content."""
    from datetime import datetime

    c = Clusterer()
    dated = [term_counts("Leeds nurses strike over pay", STRIKE.format(t)) for t in TAILS]
    other = term_counts("Bangladesh floods", FLOOD.format(""))
    c.count(dated + [other])
    ids = {c.add(f"d{i}", bag, datetime(2024, 3, 3, i)) for i, bag in enumerate(dated)}
    (strike, _), = {(sid, 0) for sid, _ in ids}
    assert c.add("u-flood", other, None)[0] != strike
    assert c.add("u-strike", term_counts("Nurses strike", STRIKE.format("")), None)[0] == strike


def test_undated_stories_keep_no_time_state():
    c = Clusterer()
    bag = Counter({"nurse": 3, "strike": 3, "leeds": 1})
    c.count([bag, bag])
    sid, _ = c.add("a", bag, None)
    c.add("b", bag, None)
    story = c.stories[sid]
    assert story.n == 2 and not story.dated and story.first is None and story.last is None


def test_undated_headlines_are_brief_and_stay_brief_across_batches():
    """Headlines and notes with no date are scored against centroids (group averages of a few words
    are too low to join them), and the stored story remembers it for the next batch."""
    from eventwire.eval.stories import load_articles
    from eventwire.store.schema import memory_db
    from eventwire.stories import update

    heads = ["Nurses strike at Leeds infirmary over pay", "Leeds infirmary nurses begin pay strike",
             "Pay strike by Leeds nurses closes wards", "Bangladesh floods force villagers from homes",
             "Floods in Bangladesh: villagers flee rising river"]
    rows = [{"id": f"h{i}", "title": t, "text": t, "date": None, "site": f"s{i}", "url": None}
            for i, t in enumerate(heads)]
    con = memory_db()
    load_articles(con, rows[:2] + rows[3:4])
    update(con)
    load_articles(con, rows[2:3] + rows[4:])
    update(con)
    story = dict(con.execute("SELECT doc_id, story_id FROM story_members").fetchall())
    assert story["h0"] == story["h1"] == story["h2"] and story["h3"] == story["h4"] != story["h0"]
    assert con.execute("SELECT bool_and(brief) FROM stories").fetchone()[0] is True
