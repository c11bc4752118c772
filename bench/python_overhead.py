"""What the Python package adds to a query: the same queries through the same index, in C++
(bench/api_latency) and in Python (talash.Searcher.search, the text of each result read), with
highlights, as a user of either gets them. Each side runs its pass of untimed warm-up and then
PASSES timed passes, best per query; the two take turns ROUNDS times, so that the machine's drift
falls on both, and each query keeps its best over the rounds.

    PYTHONPATH=build/python python3 bench/python_overhead.py --db DB \\
        --api-latency build/bench/api_latency [--queries ../shared/bench/queries.txt]

Prints the medians and means of both, their ratio, and the median of the per-query ratios.
"""

import argparse
import os
import platform
import statistics
import subprocess
import time

import talash


def python_times(db, queries, passes):
    searcher = talash.Searcher(db)
    best = [float("inf")] * len(queries)
    results = [0] * len(queries)
    for p in range(-1, passes):
        for i, q in enumerate(queries):
            t0 = time.perf_counter()
            n = 0
            try:
                for r in searcher.search(q):
                    r.doc, r.text
                    n += 1
            except talash.QueryError:
                pass
            ms = (time.perf_counter() - t0) * 1000
            if p >= 0:
                best[i] = min(best[i], ms)
            results[i] = n
    return best, results


def cpp_times(program, db, queries_file, passes):
    out = subprocess.run([program, db, queries_file, str(passes)], check=True,
                         capture_output=True, text=True).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    return [float(best) for best, _, _ in rows], [int(n) for _, _, n in rows]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--api-latency", required=True, help="the bench/api_latency program")
    parser.add_argument("--queries",
                        default=os.path.join(here, "..", "..", "shared", "bench", "queries.txt"))
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]

    cpp = [float("inf")] * len(queries)
    py = [float("inf")] * len(queries)
    for _ in range(args.rounds):
        c, c_results = cpp_times(args.api_latency, args.db, args.queries, args.passes)
        p, p_results = python_times(args.db, queries, args.passes)
        if c_results != p_results:
            raise SystemExit("the two sides found different numbers of results")
        cpp = [min(a, b) for a, b in zip(cpp, c)]
        py = [min(a, b) for a, b in zip(py, p)]

    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; {len(queries)} queries, {sum(c_results)} results; "
          f"best of {args.passes} passes x {args.rounds} rounds")
    print(f"{'':<22}{'p50 ms':>9}{'mean ms':>9}{'p95 ms':>9}")

    def p95(v):
        return sorted(v)[round(0.95 * (len(v) - 1))]

    for name, v in (("C++ Searcher::search", cpp), ("Python Searcher.search", py)):
        print(f"{name:<22}{statistics.median(v):>9.3f}{statistics.mean(v):>9.3f}{p95(v):>9.3f}")
    print(f"{'ratio Python / C++':<22}{statistics.median(py) / statistics.median(cpp):>9.3f}"
          f"{statistics.mean(py) / statistics.mean(cpp):>9.3f}{p95(py) / p95(cpp):>9.3f}")
    paired = [b / a for a, b in zip(cpp, py) if a > 0]
    extra = [b - a for a, b in zip(cpp, py)]
    print(f"per query: median ratio {statistics.median(paired):.3f}, "
          f"median extra {statistics.median(extra) * 1000:.1f} us")


if __name__ == "__main__":
    main()
