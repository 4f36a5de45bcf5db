"""jixiao: performance self-evaluation reports in, analyst tables out.

    from pipeline import load
    t = load("outputs/")          # every table as a pandas DataFrame
    t["documents"].groupby("year").budget_yuan.sum()
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazy, so that importing one reader does not pull in pandas, pyarrow and duckdb.
    if name == "load":
        from pipeline.store import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
