"""``review batch``: flag, render and score many articles in one run.

The core here is pure (no UI): :mod:`inputs` turns the command line into a list
of articles, :mod:`job` does one article's work in a worker that keeps its
models loaded, :mod:`outputs` writes each article's files atomically and the
day's summary and report, and :mod:`executors` spreads the articles over local
worker processes or a Ray cluster.  The executors only move articles and
results around, so every executor writes the same files for the same input.
"""

# exit code of a run in which some article could not be checked (its error is in summary.csv)
ARTICLES_FAILED = 8
