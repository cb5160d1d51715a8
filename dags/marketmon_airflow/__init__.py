"""Wiring shared by marketmon's DAG files: Assets, default task arguments, the run window, failure notices."""
