"""Summarise one bench/run.sh run as Markdown: latency, throughput and queries.

    python bench/compare.py /tmp/kesan-bench-results

Reads what the baseline's measure.py and querycount.py wrote in that folder
(measure.json, queries-simple.json, queries-whoosh.json, queries-kesan.json)
and prints two tables with every site next to both stock Oscar variants.
Standard library only.
"""

import json
import sys
from pathlib import Path

REFERENCES = ("oscar-simple", "oscar-whoosh")
QUERY_FILES = {"oscar-simple": "queries-simple.json", "oscar-whoosh": "queries-whoosh.json",
               "ours": "queries-kesan.json"}  # labelled with our site's name


def ratio(value, reference):
    return f"{value / reference:.2f}" if reference else "-"


def status_of(result):
    seq, load = result["sequential"], result["load"]
    clean = not (seq["bad_status"] or load.get("bad_status") or load.get("errors"))
    return ",".join(map(str, seq["statuses"])) + ("" if clean else "!")


def latency_table(report):
    """One row per request and site; ratios are site ÷ each stock variant."""
    head = ("| request | site | p50 ms | p95 ms | load p50 ms | req/s | KB | status "
            "| p50 ÷ simple | req/s ÷ simple | p50 ÷ whoosh | req/s ÷ whoosh |")
    rows = [head, "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    for name, per_site in report["results"].items():
        refs = [per_site.get(ref) for ref in REFERENCES]
        for site, result in per_site.items():
            seq, load = result["sequential"], result["load"]
            cells = [name, site, f"{seq['p50_ms']:.1f}", f"{seq['p95_ms']:.1f}",
                     f"{load.get('p50_ms', 0):.1f}", f"{load['rps']:.1f}",
                     f"{seq['bytes'] / 1024:.1f}", status_of(result)]
            for ref in refs:
                if ref is None or site in REFERENCES:
                    cells += ["", ""]
                else:
                    cells += [ratio(seq["p50_ms"], ref["sequential"]["p50_ms"]),
                              ratio(load["rps"], ref["load"]["rps"])]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def query_table(folder):
    """Queries (and repeated statements) per page, one column per site."""
    counts = {}
    for site, filename in QUERY_FILES.items():
        path = folder / filename
        if path.exists():
            report = json.loads(path.read_text())
            counts[site if site in REFERENCES else report["label"]] = report["counts"]
    names = []
    for per_site in counts.values():
        names += [name for name in per_site if name not in names]
    rows = ["| request | " + " | ".join(f"{site}: queries (dup)" for site in counts) + " |",
            "| --- |" + " ---: |" * len(counts)]
    for name in names:
        cells = []
        for per_site in counts.values():
            entry = per_site.get(name)
            if entry is None:
                cells.append("-")
                continue
            note = "" if entry["status"] == 200 else f" [{entry['status']}]"
            cells.append(f"{entry['queries']} ({entry['dup']}){note}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kesan-bench-results")
    report = json.loads((folder / "measure.json").read_text())
    params, machine = report["params"], report["machine"]
    print(f"Run {report['started']} to {report['finished']}, {machine['cpus']} CPUs, "
          f"load average {machine['loadavg_start'][0]:.2f} at start and "
          f"{machine['loadavg_end'][0]:.2f} at end; {params['warmup']} warm-up, "
          f"K={params['k']} sequential, C={params['concurrency']} clients for "
          f"{params['seconds']:g} s.\n")
    print(latency_table(report))
    print()
    print(query_table(folder))


if __name__ == "__main__":
    main()
