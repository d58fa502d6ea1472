"""Benchmarks of the course engine: page weight, build time, the browser, Lighthouse.

Run them with `make bench` (or `.venv/bin/python -m bench`). They are not tests: nothing here
runs under `make test`, and nothing fails on a slow machine; the runner compares the figures
with the budgets and says which are met.
"""
