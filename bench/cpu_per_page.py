"""CPU time of each page inside one process, for any Oscar-based site.

    python bench/cpu_per_page.py PATHS_JSON [RUNS]        (default 25 runs)

On a loaded machine the wall times of measure.py swing by 2x between two
sites that run the same code. The CPU time this process spends on a request
(time.process_time: Django, templates, the database driver, not PostgreSQL
itself) moves much less, so two sites can be compared by it page by page.
Each request of the paths file runs on a fresh test client (CSRF enforced,
its setup requests first, once unmeasured), then RUNS times; the medians of
wall and CPU time are printed. Runs against DJANGO_SETTINGS_MODULE, by
default the baseline's stock site (run it with the baseline's venv then);
for ours set kesan.settings and put the repository on PYTHONPATH.
"""

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

BASELINE_DIR = Path(os.environ.get("BASELINE_DIR", "/work/shared/bench/oscar-baseline"))
if "DJANGO_SETTINGS_MODULE" not in os.environ:
    sys.path.insert(0, str(BASELINE_DIR / "site"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "baseline.settings"

import django

django.setup()

from django.test import Client

CSRF_RE = re.compile(r'name=["\']csrfmiddlewaretoken["\']\s+value=["\']([^"\']+)')


def request_of(client, req):
    """A zero-argument callable making ``req`` (a paths-file entry) on ``client``."""
    for setup in req.get("setup", []):
        request_of(client, setup)()
    follow = req.get("follow", False)
    if req.get("method", "GET").upper() == "POST":
        page = client.get(req["csrf_from"], follow=True).content.decode()
        form = dict(
            req.get("form", {}), csrfmiddlewaretoken=CSRF_RE.search(page).group(1)
        )
        return lambda: client.post(req["path"], form, follow=follow)
    return lambda: client.get(req["path"], follow=follow)


def timed(call):
    wall, cpu = time.perf_counter(), time.process_time()
    status = call().status_code
    return (
        (time.perf_counter() - wall) * 1000,
        (time.process_time() - cpu) * 1000,
        status,
    )


def main():
    spec = json.loads(Path(sys.argv[1]).read_text())
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    search = os.environ.get("OSCAR_BASELINE_SEARCH")  # the baseline's two variants
    site = f"{spec['site']}, search {search}" if search else spec["site"]
    print(
        f"{'request':14} {'status':>6} {'wall ms':>8} {'CPU ms':>7}   "
        f"({site}, {os.environ['DJANGO_SETTINGS_MODULE']}, median of {runs})"
    )
    for req in spec["requests"]:
        call = request_of(Client(enforce_csrf_checks=True, HTTP_HOST="localhost"), req)
        call()
        samples = [timed(call) for _ in range(runs)]
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        print(f"{req['name']:14} {samples[-1][2]:>6} {wall:>8.1f} {cpu:>7.1f}")


if __name__ == "__main__":
    main()
