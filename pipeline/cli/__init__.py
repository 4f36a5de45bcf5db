"""The `jixiao` command: one module per command, each parsing its arguments, calling the
library and printing; errors leave through console.fail as one escaped line.

Each command imports the library inside its function: `jixiao --help` and a command load
only what that command needs (`query` neither the extractors nor the readers). The
application itself (commands.py, typer and rich) is imported when first asked for, so that
`main` can start the reading child of `jixiao extract` before it."""
from __future__ import annotations


def main() -> None:
    """The `jixiao` command as a process: `app`, then out without the interpreter's teardown.

    Once a command has written its files and printed its last line, Python would still free
    pandas', pyarrow's and DuckDB's module state object by object: a tenth of a second of
    every run (BENCHMARKS.md, "Speed"). Streams are flushed and exit handlers run (they stop
    the reading children) before the process leaves; every file a command writes is closed
    by then. An exception other than an exit leaves the usual way, with its traceback."""
    import atexit
    import os
    import sys

    if _reads_locally(sys.argv[1:]):
        # The reading child loads the extractors (a third of a second) while this process
        # imports typer and parses the command line, instead of after.
        from pipeline.run.isolate import CHILDREN

        CHILDREN.prestart()
    from pipeline.cli.commands import app

    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or 1  # `jixiao query … | head`: the reader left; as Python would, say so by the code
    atexit._run_exitfuncs()
    os._exit(code)


def _reads_locally(args: list[str]) -> bool:
    """Whether the command line asks for `extract` in local child processes (not on Dask)."""
    return args[:1] == ["extract"] and not any(
        a.startswith(("--executor", "--scheduler")) for a in args)


def __getattr__(name: str):
    if name == "app":
        from pipeline.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
