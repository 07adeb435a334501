"""The course's benchmarks: `make bench` runs benchmarks/run_benchmarks.py into RESULTS.md.

report.py holds the numbers' data types, statistics, target verdicts and the
Markdown rendering (pure, unit-tested in tests/test_benchmarks.py); the other
modules measure: recipes.py (the classic recipe against the course's),
notebook_runs.py (each notebook in a fresh kernel) and cell_timings.py (the
NumPy cells of helpers/cells.py against Keras).
"""
