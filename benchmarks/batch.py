"""Throughput of ``review batch``: articles/s with 1 and 2 local workers and Ray, cost per worker, capacity.

Writes ``--articles`` wire-story-sized articles (10-18 sentences in paragraphs of
three or four) built from the shipped sample's sentences and the benchmark
sentences of ``benchmarks/data`` (annotated and held-out sets), each sentence
varied with a place and a year so that no parse is ever reused, then runs
``review batch`` on them as a user would (a fresh output folder and rendering
cache per run) and reports the wall time and the steady rate once workers are up.

    python benchmarks/batch.py                           # 500 articles: --jobs 1, --jobs 2, Ray local
    python benchmarks/batch.py --articles 100 --runs local1
    python benchmarks/batch.py --worker-cost             # start-up time and memory of one worker
    python benchmarks/batch.py --capacity                # translation cost with an opus-mt-fr-en-sized model
    python benchmarks/batch.py --screenshot report.png   # also photograph report.html in headless Chromium

Flags only (``--no-english``) unless ``--english``: the English rendering's cost
is measured apart by ``--capacity`` (the tiny test model's random weights say
nothing about a real model's speed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

DATA = Path(__file__).parent / "data"
PLACES = ("à Lyon", "à Dakar", "à Québec", "à Genève", "à Bruxelles", "à Tunis", "à Montréal", "à Nantes",
          "à Lille", "à Rabat", "à Liège", "à Abidjan")
RUNS = {"local1": ["--jobs", "1"], "local2": ["--jobs", "2"], "ray": ["--executor", "ray", "--jobs", "2"]}


def base_sentences() -> list[str]:
    from review.document import load_document  # noqa: PLC0415

    sample = [segment.text for segment in load_document(ROOT / "seeds" / "iran-pakistan.fr.txt").segments]
    written = [json.loads(line)["text"] for name in ("annotated.jsonl", "heldout.jsonl")
               for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return sample + written


def write_articles(folder: Path, count: int) -> int:
    """``count`` articles; returns how many sentences they hold."""
    base = base_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    made = 0
    for number in range(count):
        size = 10 + number % 9
        sentences = []
        for offset in range(size):
            text = base[(number * 7 + offset * 13) % len(base)].rstrip(".")
            sentences.append(f"{text} {PLACES[(number + offset) % len(PLACES)]} en {1000 + made}.")
            made += 1
        paragraphs = [" ".join(sentences[start:start + 3 + start % 2]) for start in range(0, size, 4)]
        (folder / f"story{number:04d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return made


def _tree() -> dict[int, tuple[int, float, int]]:
    """pid -> (parent pid, CPU seconds so far, peak resident MB) of every process /proc shows."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        peak = next((int(line.split()[1]) // 1024 for line in status.splitlines() if line.startswith("VmHWM")), 0)
        found[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks, peak)
    return found


class Sampler(threading.Thread):
    """CPU time and peak memory of a process and all its descendants (workers, Ray actors), sampled from /proc.

    Wall time on a shared machine says how busy the others were; CPU seconds per article say what the
    work costs, whoever else runs.
    """

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.cpu: dict[int, float] = {}
        self.peak: dict[int, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            tree = _tree()
            family = {self.root}
            grew = True
            while grew:
                more = {pid for pid, (parent, _, _) in tree.items() if parent in family} - family
                grew = bool(more)
                family |= more
            for pid in family & tree.keys():
                self.cpu[pid] = tree[pid][1]
                self.peak[pid] = max(self.peak.get(pid, 0), tree[pid][2])


def run_batch(folder: Path, scratch: Path, label: str, extra: list[str]) -> dict[str, float]:
    outdir = scratch / f"out-{label}"
    env = {**os.environ, "REVIEW_CACHE": str(scratch / f"cache-{label}.sqlite"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "review", "batch", str(folder), "-o", str(outdir), *extra],
                               env=env, stderr=subprocess.DEVNULL)
    sampler = Sampler(process.pid)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    results = sorted(path.stat().st_mtime for path in (outdir / "articles").glob("*.json"))
    steady = (len(results) - 1) / (results[-1] - results[0]) if len(results) > 1 else 0.0
    workers = sorted((peak for pid, peak in sampler.peak.items() if pid != process.pid), reverse=True)
    return {"exit": code, "articles": len(results), "wall_s": wall, "articles_per_s": len(results) / wall,
            "steady_articles_per_s": steady, "cpu_s": sum(sampler.cpu.values()),
            "peak_mb": ", ".join(str(peak) for peak in workers[:4])}


WORKER = """
import json, resource, sys, time
from pathlib import Path
from review.batch.inputs import collect
from review.batch.job import ArticleChecker, BatchOptions, make_task
from review.flags import default_detectors
from review.flags.nlp import without_torch
model, english = sys.argv[2], sys.argv[3] == "1"
if not english:
    without_torch()  # as the local executor's flag-only workers
options = BatchOptions(detectors=default_detectors(), model=model, english=english)
articles = collect([sys.argv[1]])[:12]
started = time.process_time()  # CPU seconds from the interpreter's start: what the load costs whoever else runs
checker = ArticleChecker(options)
made = time.process_time()
times = []
for article in articles:
    begun = time.process_time()
    checker.check(make_task(article, options))
    times.append(time.process_time() - begun)
steady = sorted(times[1:])[len(times[1:]) // 2]
print(json.dumps({"cpu_to_first_result_s": round(made + times[0], 2), "first_article_cpu_s": round(times[0], 2),
                  "next_articles_median_cpu_s": round(steady, 3),
                  "fixed_cost_cpu_s": round(made + times[0] - steady, 2),
                  "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def warm_up() -> None:
    """Load the pipeline once so that every timed run finds the compiled-pattern cache as a user's second run does.

    The first load on a machine (or after a Python or spaCy upgrade) compiles the tokenizer's pattern and
    stores it (review/flags/spacy_load.py): about 4 s of CPU once, which would otherwise fall on the first run.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "from review.flags.nlp import pipeline, without_torch\nwithout_torch()\npipeline()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def worker_cost(folder: Path, model: str, english: bool) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    output = subprocess.run([sys.executable, "-c", WORKER, str(folder), model, "1" if english else "0"], env=env,
                            capture_output=True, text=True, check=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def capacity(scratch: Path, sentences: list[str], batch: int) -> dict[str, float]:
    """Seconds per sentence of an opus-mt-fr-en-sized Marian model, beam 4, English as long as a real one's.

    The random model borrows the tiny test model's sentencepiece (120 pieces, about one a character),
    so its token counts would be several times a real model's: the inputs are instead random ids as many
    as opus-mt-fr-en's 59k-piece vocabulary gives (about 1.3 pieces a word, measured on such vocabularies),
    and the output is forced to 0.9 times that (English runs shorter than French).  The work per token
    does not depend on which tokens they are.
    """
    import math  # noqa: PLC0415
    import random  # noqa: PLC0415

    import torch  # noqa: PLC0415
    from engines import build_opus_sized  # noqa: PLC0415
    from tiny_models import build_tiny_marian  # noqa: PLC0415
    from transformers import MarianMTModel  # noqa: PLC0415

    torch.set_num_threads(1)
    folder = build_opus_sized(build_tiny_marian(scratch / "tiny"), scratch / "opus-size")
    model = MarianMTModel.from_pretrained(folder).eval()
    pad, vocab = model.config.pad_token_id, model.config.vocab_size
    draw = random.Random(0)
    lengths = sorted((math.ceil(1.3 * len(text.split())) + 1 for text in sentences), reverse=True)
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(lengths), batch):  # the Renderer's batches, longest first
        chunk = lengths[start:start + batch]
        ids = torch.full((len(chunk), chunk[0]), pad)
        mask = torch.zeros((len(chunk), chunk[0]), dtype=torch.long)
        for row, length in enumerate(chunk):
            ids[row, :length] = torch.tensor([draw.randrange(2, vocab - 1) for _ in range(length - 1)] + [0])
            mask[row, :length] = 1
        out = max(2, round(0.9 * chunk[0]))
        with torch.inference_mode():  # quiet: transformers warns that max_length is also set
            model.generation_config.max_length = None
            model.generate(input_ids=ids, attention_mask=mask, num_beams=4, min_new_tokens=out, max_new_tokens=out)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"sentences": len(lengths), "mean_input_tokens": round(sum(lengths) / len(lengths), 1),
            "seconds": round(elapsed, 1), "s_per_sentence": round(elapsed / len(lengths), 3),
            "cpu_s_per_sentence": round(cpu / len(lengths), 3),
            "max_rss_mb": round(rss)}


def screenshot(report: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(report.as_uri())
        page.screenshot(path=str(target))
        page.locator("#articles a").first.click()  # the riskiest article's flagged sentences
        page.screenshot(path=str(target.with_name(f"{target.stem}-article{target.suffix}")))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", nargs="*", default=list(RUNS), choices=list(RUNS))
    parser.add_argument("--english", metavar="MODEL_DIR", help="render English with this model (default: flags only)")
    parser.add_argument("--worker-cost", action="store_true", help="start-up time and memory of one worker")
    parser.add_argument("--capacity", action="store_true", help="time an opus-mt-fr-en-sized model (minutes)")
    parser.add_argument("--capacity-sentences", type=int, default=48, help="sentences timed by --capacity")
    parser.add_argument("--capacity-batch", type=int, default=8, help="sentences a batch (the Renderer's 8)")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the first run's report.html")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        os.environ["REVIEW_MODELS"] = str(scratch / "models")
        folder = scratch / "articles"
        sentences = write_articles(folder, args.articles)
        print(f"{args.articles} articles, {sentences} sentences ({sentences / args.articles:.1f} per article); "
              f"cpu cores {os.cpu_count()}; load average before: {os.getloadavg()[0]:.1f}", flush=True)
        extra = ["--model", args.english] if args.english else ["--no-english"]
        warm_up()
        for label in args.runs:
            found = run_batch(folder, scratch, label, [*RUNS[label], *extra])
            print(f"  {label:7} {found['articles']:.0f} articles in {found['wall_s']:.1f} s = "
                  f"{found['articles_per_s']:.2f} articles/s (steady {found['steady_articles_per_s']:.2f}); "
                  f"CPU {found['cpu_s']:.0f} s = {found['cpu_s'] / max(found['articles'], 1) * 1000:.0f} ms/article; "
                  f"largest processes {found['peak_mb']} MB; exit {found['exit']:.0f}; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
        if args.screenshot and args.runs:
            screenshot(scratch / f"out-{args.runs[0]}" / "report.html", args.screenshot)
        if args.worker_cost:
            for model, english in ((args.english or "Helsinki-NLP/opus-mt-fr-en", bool(args.english)),):
                print(f"  one worker ({'English with ' + model if english else 'flags only'}): "
                      f"{worker_cost(folder, model, english)}", flush=True)
        if args.capacity:
            base = sorted(folder.glob("*.txt"))
            texts = [line for path in base for line in path.read_text(encoding="utf-8").replace("\n\n", " ")
                     .split(". ") if line.strip()][: args.capacity_sentences]
            found = capacity(scratch, texts, args.capacity_batch)
            print(f"  opus-mt-fr-en-sized model, 1 thread, batch {args.capacity_batch}: {found}", flush=True)


if __name__ == "__main__":
    main()
