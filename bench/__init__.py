"""Benchmarks: `make bench` (python -m bench). Budgets from DESIGN.md, measured, never timed tests."""
