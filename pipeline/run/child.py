"""The child process of isolate.py: `python -m pipeline.run.child`.

Reads requests (cwd, path, read options, size limit) from stdin and answers each with
("ok", [FileResult, …]) or ("error", message) on its own copy of stdout; whatever a library
prints goes to stderr instead, so that it cannot break the protocol.
"""
from __future__ import annotations

import os
import sys
import threading
import time

_WARM_UP = "一、项目概况\n年初预算100万元，全年实际支出98万元，执行率98%。\n二、存在问题\n一是资金拨付滞后。\n"


def main() -> None:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _exit_with_parent()
    from pipeline.core.document import Document
    from pipeline.run.isolate import receive, send
    from pipeline.run.process import extract_document, process_file

    # Load spaCy, jieba and every lazily built matcher now, so that a file's time limit
    # counts reading that file and not the start of its process.
    extract_document(Document(doc_id="warm-up", source_path="warm-up", format="txt", text=_WARM_UP))
    send(replies, "ready")
    requests = sys.stdin.buffer
    while (request := receive(requests)) is not None:
        cwd, path, options, max_chars = request
        if os.path.isdir(cwd):  # a Dask worker on another machine may not have the client's folder
            os.chdir(cwd)
        try:
            reply = ("ok", process_file(path, options, max_chars))
        except Exception as exc:  # noqa: BLE001 - the parent turns it into this file's error row
            reply = ("error", f"{type(exc).__name__}: {exc}")
        send(replies, reply)


def _exit_with_parent() -> None:
    """A parent killed without closing our stdin (SIGKILL) must not leave us reading a hung
    file forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


if __name__ == "__main__":
    main()
