"""jixiao: performance self-evaluation reports in, analyst tables out."""

__version__ = "0.1.0"
