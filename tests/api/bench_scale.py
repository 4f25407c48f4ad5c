"""Explorer API latency on a synthetic database of N events (N/5 articles, N actors), one request per endpoint.

    .venv/bin/python -m tests.api.bench_scale 200000 [/tmp/scale.duckdb]

Synthetic rows (no article text from anywhere); timings include FastAPI's TestClient round trip.
"""

import os
import sys
import time
import warnings

import duckdb

from tests.api.fixture_db import build

warnings.simplefilter("ignore")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
p = sys.argv[2] if len(sys.argv) > 2 else "/tmp/eventwire-scale.duckdb"
if os.path.exists(p):
    os.remove(p)
build(p, with_stories=True)
con = duckdb.connect(p)
con.execute(f"""INSERT INTO articles BY NAME SELECT 'a' || i AS id, 'Headline number ' || i AS title,
  CAST(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS VARCHAR) AS date, 'site' || (i % 50) AS site, 'en' AS language,
  repeat('Some words about things that happened in a place. ', 40) AS text FROM range({N // 5}) t(i)""")
con.execute(f"""INSERT INTO events BY NAME SELECT 'a' || (i // 5) AS doc_id, CAST(i % 5 AS INTEGER) AS idx,
  ['PROTEST','ASSAULT','AID','CONSULT','ACCUSE','COERCE'][1 + i % 6] AS plover, '1' || (i % 9) AS cameo,
  (i % 21) - 10.0 AS goldstein, 1 + i % 4 AS quad_class, false AS negated,
  json_object('name', 'Actor ' || (i % 500), 'country', ['USA','MEX','NGA','COL'][1 + i % 4], 'sector', 'GOV') AS source,
  json_object('name', 'Actor ' || ((i * 7) % 500), 'country', 'MEX', 'sector', 'MIL') AS target,
  CAST(DATE '2015-01-01' + CAST((i // 5) % 3650 AS INTEGER) AS VARCHAR) AS date,
  json_object('name', 'Place ' || (i % 300), 'country', 'MEX', 'lat', (i % 120) - 60.0, 'lon', (i % 300) - 150.0) AS location,
  'Sentence about event ' || i AS sentence, 0 AS start, 20 AS "end", 0.5 AS confidence FROM range({N}) t(i)""")
con.execute(f"""INSERT INTO actors BY NAME SELECT 'a' || (i // 4) AS doc_id, CAST(i % 4 AS INTEGER) AS idx,
  'Actor ' || (i % 500) AS name, 'USA' AS country, 'GOV' AS sector, 'ORG' AS kind, '[]' AS mentions FROM range({N}) t(i)""")
con.close()
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.api import create_app  # noqa: E402

c = TestClient(create_app(p))
print(f"{N:,} events, {N // 5:,} articles, {N:,} actor rows")
for u in ["/api/meta", "/api/events", "/api/events?sort=-goldstein&page=100", "/api/events?actor=actor%2042&country=MEX",
          "/api/events?q=event%2012345", "/api/counts?by=month", "/api/counts?by=week&group=quad_class", "/api/map",
          "/api/network", "/api/actors", "/api/actors/cooccurrences", "/api/search?q=happened", "/api/articles"]:
    t = time.perf_counter(); r = c.get(u); ms = (time.perf_counter() - t) * 1000
    print(f"{ms:7.0f} ms  {r.status_code}  {u}")
