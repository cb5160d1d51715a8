"""Benchmarks of marketmon (issue 7): `python -m bench [--quick] [--only NAME]`; figures in BENCHMARKS.md."""
