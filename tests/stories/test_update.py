"""`stories.update` on the sample corpus: the syndicated copy is marked, the two storylines are found,
and a second call changes nothing."""

from __future__ import annotations

import duckdb

from eventwire.stories import update

STORY_TABLES = ("story_members", "stories", "merged_events", "storylines", "doc_sketches", "story_terms")


def _snapshot(con):
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in STORY_TABLES}


def test_every_article_gets_a_story(stories_db):
    db, first = stories_db
    with duckdb.connect(db, read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        members = con.execute("SELECT count(*) FROM story_members").fetchone()[0]
    assert first["articles"] == articles == members


def test_syndicated_warc_copy_is_marked_and_not_counted(stories_db):
    db, _ = stories_db
    with duckdb.connect(db, read_only=True) as con:
        original, copy = [r[0] for r in con.execute(
            "SELECT id FROM documents WHERE path LIKE '%crawl.warc.gz' ORDER BY record").fetchall()]
        copies = con.execute("SELECT doc_id, copy_of FROM story_members WHERE copy_of IS NOT NULL").fetchall()
        story = con.execute("""SELECT s.num_articles, s.num_copies FROM stories s
                               JOIN story_members m ON m.story_id = s.id WHERE m.doc_id = ?""", [copy]).fetchone()
    assert copies == [(copy, original)]
    assert story == (1, 1)


def _storyline_titles(con):
    rows = con.execute("""SELECT l.id, list(s.title ORDER BY s.first_date) FROM storylines l
                          JOIN stories s ON s.storyline_id = l.id GROUP BY l.id""").fetchall()
    return sorted(titles for _, titles in rows)


def test_the_two_sample_storylines_are_linked_and_nothing_else(stories_db):
    db, _ = stories_db
    with duckdb.connect(db, read_only=True) as con:
        lines = _storyline_titles(con)
        dates = con.execute("SELECT first_date[:4], last_date[:4] FROM storylines ORDER BY 1").fetchall()
    assert len(lines) == 2
    border, raids = sorted(lines, key=lambda titles: "Culiac" in titles[0])
    assert "Colombia" in border[0] and "Ecuador" in border[1]
    assert all("Culiac" in t for t in raids)
    assert dates == [("2023", "2024"), ("2023", "2024")]


def test_second_update_changes_nothing(stories_db):
    db, _ = stories_db
    with duckdb.connect(db) as con:
        before = _snapshot(con)
        again = update(con)
        after = _snapshot(con)
    assert again["articles"] == 0 and again["stories_changed"] == 0
    assert before == after


def test_a_later_batch_joins_the_existing_storyline(tmp_path, sample):
    """Incremental: the 2024 Culiacán report, stored after the 2023 one was assigned, joins its storyline."""
    import eventwire

    db = str(tmp_path / "inc.duckdb")
    eventwire.run([str(sample / "text" / "culiacan-raids-2023-09-21.txt")], db=db)
    with duckdb.connect(db) as con:
        update(con)
        (first_story,) = con.execute("SELECT id FROM stories").fetchone()
    second = eventwire.run([str(sample / "warc" / "crawl.warc.gz")], db=db)
    with duckdb.connect(db) as con:
        counts = second.stories if second.stories.get("articles") else update(con)
        line = con.execute("SELECT story_ids FROM storylines").fetchall()
    assert counts["articles"] == 2 and counts["copies"] == 1
    assert len(line) == 1 and first_story in line[0][0] and len(line[0][0]) == 2


def test_batched_link_scores_equal_the_pairwise_definition():
    """The sparse-matrix scorer is an optimisation of `link_score`, not a new measure."""
    import random

    from eventwire.stories.storylines import StoryProfile, _Scorer, link_score

    rng = random.Random(7)
    actors = ["=USA", "=MEX", "calderon", "obama", "=GBR", "police", "cartel", "army"]
    words = [f"w{i}" for i in range(40)]
    profiles = {f"st-{i}": StoryProfile(f"st-{i}", rng.sample(actors, rng.randint(0, 5)),
                                        {w: rng.random() for w in rng.sample(words, rng.randint(0, 12))}, None, None)
                for i in range(60)}
    scorer, compared = _Scorer(profiles), 0
    for story in profiles.values():
        scored = dict(zip(*scorer.scores(story)))
        for other in profiles.values():
            if other.id in scored:
                assert abs(scored[other.id] - link_score(story, other)) < 1e-12
                compared += 1
            else:  # left out only where it could not link
                assert other.id == story.id or link_score(story, other) == 0.0
    assert compared > 100
