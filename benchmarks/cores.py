"""How much a second process gets out of this machine's second core right now: the ceiling of ``--jobs 2``.

Runs a pure-Python loop (no I/O, no libraries) once alone, then twice at once, and
prints the speed-up two processes get.  On a virtual machine whose cores are shared
with others this moves from minute to minute; run it just before and after a pair
of ``benchmarks/batch.py`` runs to see what the hardware allowed meanwhile.

    python benchmarks/cores.py [--loops 20000000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time


def loop_seconds(loops: int, processes: int) -> float:
    code = f"s = 0\nfor i in range({loops}):\n    s += i * i\n"
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(processes)]
    for process in running:
        process.wait()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=20_000_000, help="iterations of the loop (default 20,000,000)")
    parser.add_argument("--repeat", type=int, default=1, help="measurements to make (default 1)")
    args = parser.parse_args()
    for _ in range(args.repeat):
        one = loop_seconds(args.loops, 1)
        two = loop_seconds(args.loops, 2)
        print(f"one loop {one:.2f} s, two at once {two:.2f} s: two processes get {2 * one / two:.2f}x", flush=True)


if __name__ == "__main__":
    main()
