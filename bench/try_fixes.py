"""Measure the fixes proposed in docs/benchmarks.md without changing app code.

    DATABASE_URL=... python bench/try_fixes.py /tmp/kesan-bench-results/paths-kesan.json

The fixes (bench/proposed_fixes.py) are applied in this process only, one
after the other, and the affected pages are timed through Django's test
client on the seeded benchmark database: median of RUNS views, SQL time
measured around each statement.
"""

import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import profile_kesan  # first: it sets up Django in our settings
import proposed_fixes
from basket_scaling import basket_counts
from django.db import connection

from marketplace import selectors

RUNS = int(os.environ.get("RUNS", "15"))
LISTINGS = ("home", "catalogue_p1", "catalogue_p20", "category", "search")


def time_listings(spec, label):
    requests = {req["name"]: req for req in spec["requests"]}
    for name in LISTINGS:
        call = profile_kesan.request_of(profile_kesan.new_client(), requests[name])
        call()
        samples = [profile_kesan.captured(call) for _ in range(RUNS)]
        wall = statistics.median(s[0] for s in samples)
        sql = statistics.median(s[1] for s in samples)
        print(f"  {label:24} {name:14} view {wall:7.1f} ms   SQL {sql:7.1f} ms   "
              f"{samples[-1][3]} queries")


def main():
    spec = json.loads(Path(sys.argv[1]).read_text())
    print(f"listing pages, median of {RUNS} views:")
    time_listings(spec, "as is")
    selectors._sold_by_public_pesantren = proposed_fixes.sold_by_public_pesantren_split
    time_listings(spec, "fix 1 (split EXISTS)")
    proposed_fixes.apply_listing_fixes()
    connection.close()  # the next query opens a connection with jit off
    time_listings(spec, "fix 1 + fix 2 (jit off)")

    lines = profile_kesan.LINES
    print(f"\nbasket with {', '.join(map(str, lines))} lines: (GET /basket/, POST one more add)")
    print("  as is:  " + "   ".join(f"{n}: {basket_counts(n)}" for n in lines))
    proposed_fixes.apply_basket_fix()
    print("  fix 3:  " + "   ".join(f"{n}: {basket_counts(n)}" for n in lines))


if __name__ == "__main__":
    main()
