"""Batch screening benchmark: rows per second on generated intake lists, and peak memory by file size.

    .venv/bin/python benchmarks/screen_bench.py [--rows 100000]

The rows are realistic: most answers given, about one in ten "unsure", about one row in thirty
with a mistake (a misspelled code or a year out of range). Informational only.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = {
    "record": ["arrest", "dismissed", "conviction", "juvenile_adjudication"],
    "offense": [
        "prostitution",
        "sex_related",
        "drug",
        "theft",
        "fraud_identity",
        "weapon",
        "violent",
        "immigration",
        "other",
    ],
    "level": ["misdemeanor", "felony"],
    "connection": ["forced", "because", "while_trafficked", "not_connected"],
    "age": ["adult", "minor"],
    "pending_charges": ["yes", "no"],
}


def generate(path: Path, rows: int, codes: list[str], seed: int = 7) -> None:
    rnd = random.Random(seed)
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["client_id", "audience", "trafficking_ended", "documentation", "jurisdiction", *FIELDS, "year"])
        for i in range(rows):
            row = [
                f"C{i:06d}",
                "advocate",
                str(rnd.randint(2000, 2025)),
                rnd.choice(["none", "t_visa", "certification", "t_visa;certification", "provider_letter"]),
                rnd.choice(codes),
            ]
            for values in FIELDS.values():
                row.append("unsure" if rnd.random() < 0.1 else rnd.choice(values))
            row.append(str(rnd.randint(1995, 2025)))
            if rnd.random() < 1 / 30:
                row[rnd.choice([5, 6, 7])] = "thief"
            w.writerow(row)


def run(rows: int, folder: Path) -> tuple[float, int]:
    source, target = folder / f"in-{rows}.csv", folder / f"out-{rows}.csv"
    from assistant.data.catalog import load_catalog

    generate(source, rows, list(load_catalog().jurisdictions))
    code = (
        "import resource, sys; from pathlib import Path; from assistant.data.catalog import load_catalog; "
        "from assistant.faces.screening import screen_file; c = load_catalog(); import time; t = time.perf_counter(); "
        f"s = screen_file(c, Path({str(source)!r}), Path({str(target)!r}), overwrite=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, s.rows)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, rss, done = out.stdout.split()
    assert int(done) == rows
    return float(seconds), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (args.rows // 10, args.rows, args.rows * 2):
            seconds, rss = run(rows, Path(tmp))
            rate = rows / seconds
            print(f"{rows:>8,} rows: {seconds:6.2f} s  {rate:9,.0f} rows/s  peak memory {rss / 1024:6.1f} MiB")
    print("target: at least 20,000 rows/s; memory should not grow with the number of rows")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
