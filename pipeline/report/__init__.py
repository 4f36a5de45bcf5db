"""The self-contained HTML report of `jixiao report` (build.py writes it)."""

REPORT_FILE = "report.html"  # written into the output folder unless --html names another
