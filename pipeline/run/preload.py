"""What the main process of `jixiao extract` needs only once results come back — pyarrow,
pandas, DuckDB, the store, the assembly and alignment — imported on a thread while the
reading child starts and reads the first files.

Imported one after the other on the main thread they took most of a second, during which
the child, ready sooner, had nothing to read (BENCHMARKS.md, "Speed"). The main thread only
waits on the child meanwhile, so the imports cost a short run no time. Python's import
lock makes a module the main thread asks for at the same moment wait for the thread's
import rather than load twice.
"""
from __future__ import annotations

import threading


def start() -> threading.Thread:
    """The imports, started; join() the thread before writing the first Parquet file."""
    thread = threading.Thread(target=_load, name="jixiao-preload", daemon=True)
    thread.start()
    return thread


def _load() -> None:
    import pyarrow as pa

    # Arrow's own allocator keeps memory it freed for later; over a long run its peak would
    # grow with the archive. The system allocator gives it back.
    pa.set_memory_pool(pa.system_memory_pool())
    # pyarrow imports pandas on its first conversion of Python rows (pa.array asks whether
    # they are a pandas object): imported here, it is not paid when the first part is written.
    import pandas  # noqa: F401

    import pipeline.run.assemble  # noqa: F401  (store, DuckDB, checks, alignment)
