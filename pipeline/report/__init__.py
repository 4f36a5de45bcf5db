"""The self-contained HTML report of `jixiao report` (build.py writes it)."""
