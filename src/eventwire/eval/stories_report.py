"""The text report of `eventwire eval stories`: one line per measurement of `eval.stories.evaluate`'s result,
with the target it is held to."""

from __future__ import annotations

from eventwire.eval.stories import JITTER_HOURS


def render(result: dict) -> str:
    lines = []
    if c := result.get("clustering"):
        lines.append(f"Story clustering, UCI headlines: {c['articles']} articles, {c['gold_stories']} gold stories, "
                     f"{c['predicted_stories']} predicted; B-cubed P {c['precision']:.3f} R {c['recall']:.3f} "
                     f"F1 {c['f1']:.3f} (target 0.90) in {c['seconds']:.1f} s")
        if "time_switches" in c:
            lines.append(f"  gold stories change {c['time_switches']} times along the timestamps "
                         f"({c['gold_stories'] - 1} would mean one burst per story)")
        for v in c.get("variants", []):
            lines.append(f"  {_variant(v)}")
        if i := c.get("incremental"):
            lines.append(f"  real time, whole file in {i['batches']} time-ordered update() batches: "
                         f"P {i['precision']:.3f} R {i['recall']:.3f} F1 {i['f1']:.3f}")
        if n := c.get("no_names"):
            lines.append(f"  real time, whole file, headline words only (no NER names): "
                         f"P {n['precision']:.3f} R {n['recall']:.3f} F1 {n['f1']:.3f}")
        lines.append(f"  headline embeddings: {c.get('embeddings')}")
        for v in c.get("other_setting", []):
            lines.append(f"  embeddings {v['embeddings']}: {_variant(v)}")
    if c := result.get("copies"):
        lines.append(f"Near-duplicates, BBC + generated copies: {c['originals']} originals, {c['copies']} copies, "
                     f"{c['marked']} marked; precision {c['precision']:.3f} recall {c['recall']:.3f} (target 0.98)")
    if m := result.get("merging"):
        lines.append(f"Event merging, generated: {m['reports']} reports of {m['happenings']} happenings -> "
                     f"{m['merged']} merged ({m['count_error']:+.1%}, target within 10%); "
                     f"merged events spanning two happenings: {m['groups_spanning_happenings']} (target 0)")
    if m := result.get("merging_pipeline"):
        lines.append(f"Event merging end to end (generated articles -> eventwire.run): {m['articles']} articles "
                     f"about {m['happenings']} happenings, {m['raw_events']} raw events, "
                     f"{m['happenings_coded']} happenings coded -> {m['merged']} merged ({m['count_error']:+.1%}); "
                     f"spanning two happenings: {m['groups_spanning_happenings']}")
    if u := result.get("undated"):
        lines.append("Undated corpora (no article carries a date; content alone places it):")
        for v in u.get("uci", []):
            lines.append(f"  UCI headlines, {_variant(v)}")
        for key, r in u.items():
            if key == "uci":
                continue
            name, half = key.rsplit("-", 1)
            what = ("BBC, 100 per section" if name == "bbc" else "Reuters single-topic stories") + \
                f", half {half}" + (" (tuning)" if half == "0" else " (held out)")
            lines.append(f"  {what:<44} {r['articles']:>4} articles, {r['gold_groups']} labels -> {r['stories']} "
                         f"stories: purity {r['purity']:.3f} B-cubed P {r['precision']:.3f} R {r['recall']:.3f} "
                         f"F1 {r['f1']:.3f}; merged events across labels {r['merged_crossing']} "
                         f"of {r['merged_multi_article']} multi-article")
    if s := result.get("speed"):
        for run in s["runs"]:
            lines.append(f"Clustering speed, synthetic: {run['articles']:,} articles in {run['seconds']:.1f} s = "
                         f"{run['seconds_per_10k']:.1f} s per 10,000, CPU {run['cpu_seconds_per_10k']:.1f} s "
                         f"({run['stories']:,} stories)")
        if u := s.get("update"):
            lines.append(f"Whole stories.update, synthetic: {u['articles']:,} articles in two batches "
                         f"({u['first_half_seconds']:.1f} s, then {u['second_half_seconds']:.1f} s) = "
                         f"{u['seconds_per_10k']:.1f} s per 10,000")
    return "\n".join(lines)


def _variant(v: dict) -> str:
    part = "whole file" if v["half"] is None else f"half {v['half']}" + (" (tuning)" if v["half"] == 0 else
                                                                        " (held out)")
    when = {"real": "real time", "jitter": f"time +-{JITTER_HOURS} h", "blind": "one instant",
            "undated": "dates removed"}[v["time"]]
    return (f"{when:>12}, {part:<17} {v['articles']:>5} articles: P {v['precision']:.3f} "
            f"R {v['recall']:.3f} F1 {v['f1']:.3f}")


# -- event merging end to end (generated articles through the whole pipeline) -------------------
