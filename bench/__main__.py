"""Run the benchmarks: `python -m bench [--quick] [--only NAME ...] [--profile]`; writes bench/results/latest.json."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from bench import memory
from bench.corpus import SHARED, MissingInput
from bench.extraction import bench_extraction
from bench.incremental import bench_incremental, bench_queries
from bench.parallelism import bench_parallelism
from bench.report import BenchResult, Profiled, print_table, write_results
from bench.throughput import bench_noop, bench_throughput

RESULTS = Path(__file__).resolve().parent / "results"
BENCHMARKS: dict[str, tuple[str, Callable[[bool, Path], BenchResult], bool]] = {
    # name: (title, function, needs the shared pages)
    "throughput": ("1. throughput vs trafilatura", bench_throughput, True),
    "noop": ("2. no-op re-run", bench_noop, False),
    "incremental": ("3. incremental", bench_incremental, False),
    "memory": ("4. peak RSS", memory.bench_memory, False),
    "queries": ("5. views", bench_queries, False),
    "extraction": ("6. extraction speed per core", bench_extraction, True),
    "parallelism": ("7. parallelism", bench_parallelism, True),
}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks, print the table, write the JSON; exit 1 when a benchmark crashed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about a tenth), for a fast check")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    parser.add_argument("--profile", action="store_true",
                        help="profile the measured sections with pyinstrument into bench/results/profiles/")
    parser.add_argument("--memory-deadline", type=float, metavar="SECONDS",
                        help="stop the memory benchmark's run after this long (0: process every document)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json", help="where to write the JSON")
    args = parser.parse_args(argv)
    console = Console()
    if args.profile:
        Profiled.folder = RESULTS / "profiles"
    if args.memory_deadline is not None:
        memory.deadline[args.quick] = args.memory_deadline
    names = [n for n in BENCHMARKS if not args.only or n in args.only]
    results: list[BenchResult] = []
    crashed = False
    with tempfile.TemporaryDirectory(prefix="marketmon-bench-") as tmp:
        for name in names:
            title, run, needs_shared = BENCHMARKS[name]
            console.print(f"[bold]{title}[/] ...", highlight=False)
            started, load_before = time.perf_counter(), os.getloadavg()[0]
            try:
                if needs_shared and not SHARED.is_dir():
                    raise MissingInput(f"skipped: {SHARED} is absent (the shared benchmark pages live there)")
                result = run(args.quick, Path(tmp) / name)
            except MissingInput as exc:
                result = BenchResult(name, title, note=str(exc))
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                crashed = True
                traceback.print_exc()
                result = BenchResult(name, title, note=f"crashed: {type(exc).__name__}: {exc}"[:500])
            result.seconds = time.perf_counter() - started
            # Other work on the machine skews timings: keep the 1-minute load around each benchmark.
            result.details["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            results.append(result)
            console.print(f"  {result.verdict}: {result.figure} {result.unit} ({result.seconds:.0f} s)",
                          highlight=False)
    print_table(results, console)
    write_results(results, args.out, quick=args.quick)
    console.print(f"wrote {args.out}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
