"""Where our pages spend their time, and whether their query counts stay flat.

    DATABASE_URL=... python bench/profile_kesan.py /tmp/kesan-bench-results/paths-kesan.json

Runs inside our settings, through Django's test client, against the seeded
benchmark database (bench/run.sh leaves it in place). Two reports:

1. per request of the paths file: median wall time of the view, median time
   spent in SQL, the query count and the slowest statements;
2. query counts as the page grows: listings at 1, 20 and 96 products a page,
   and the basket pages with 1, 5 and 10 lines from different pesantren. A
   flat count is the same number in every column.

Standard test client, CSRF enforced, each measurement on a fresh client that
has made the request once before (as querycount.py does).
"""

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASELINE_DIR = Path(os.environ.get("BASELINE_DIR", "/work/shared/bench/oscar-baseline"))
sys.path[:0] = [str(REPO), str(BASELINE_DIR), str(REPO / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kesan.settings")

import django

django.setup()

from basket_scaling import basket_counts
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

CSRF_RE = re.compile(r'name=["\']csrfmiddlewaretoken["\']\s+value=["\']([^"\']+)')
RUNS = 10
SIZES = (1, 20, 96)
LINES = (1, 5, 10)


def new_client():
    return Client(enforce_csrf_checks=True, HTTP_HOST="localhost")


def request_of(client, req):
    """A zero-argument callable making ``req`` (a paths-file entry) on ``client``."""
    for setup in req.get("setup", []):
        request_of(client, setup)()
    if req.get("method", "GET").upper() == "POST":
        page = client.get(req["csrf_from"]).content.decode()
        form = dict(req.get("form", {}), csrfmiddlewaretoken=CSRF_RE.search(page).group(1))
        return lambda: client.post(req["path"], form)
    return lambda: client.get(req["path"], follow=req.get("follow", False))


def captured(call):
    """Run ``call`` once; return (wall ms, SQL ms, [(ms, sql)], query count).

    Statements are timed here, since Django's own log rounds them to 1 ms;
    the count is CaptureQueriesContext's, which also lists BEGIN and COMMIT,
    as querycount.py does.
    """
    timed = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - started) * 1000, sql))

    with CaptureQueriesContext(connection) as context, connection.execute_wrapper(timer):
        started = time.perf_counter()
        call()
        wall = (time.perf_counter() - started) * 1000
    return wall, sum(ms for ms, _ in timed), timed, len(context.captured_queries)


def profile(req):
    call = request_of(new_client(), req)
    call()
    samples = [captured(call) for _ in range(RUNS)]
    wall = statistics.median(s[0] for s in samples)
    sql = statistics.median(s[1] for s in samples)
    slowest = sorted(samples[-1][2], reverse=True)[:3]
    return wall, sql, samples[-1][3], slowest


def count_queries(call):
    call()
    return captured(call)[3]


def listing_counts(path):
    sep = "&" if "?" in path else "?"
    return [count_queries(lambda n=n: new_client().get(f"{path}{sep}per_page={n}")) for n in SIZES]


def main():
    spec = json.loads(Path(sys.argv[1]).read_text())
    print(f"{'request':14} {'view ms':>8} {'SQL ms':>7} {'queries':>7}   slowest statements (ms)")
    for req in spec["requests"]:
        wall, sql, queries, slowest = profile(req)
        print(f"{req['name']:14} {wall:>8.1f} {sql:>7.1f} {queries:>7}")
        for ms, statement in slowest:
            print(f"{'':40}{ms:6.1f}  {statement[:110]}")

    paths = {req["name"]: req["path"] for req in spec["requests"]}
    print(f"\nqueries per listing page at per_page = {', '.join(map(str, SIZES))}")
    for name in ("catalogue_p1", "category", "search"):
        print(f"  {name:14} {listing_counts(paths[name])}")
    print(f"\nbasket with {', '.join(map(str, LINES))} lines: (GET /basket/, POST one more add)")
    print("  " + "   ".join(f"{lines}: {basket_counts(lines)}" for lines in LINES))


if __name__ == "__main__":
    main()
