"""Where the per-file work runs: threads of this process, each driving an isolated child
(`process`), or the workers of a Dask cluster (`dask`: a LocalCluster, or an existing one
named by its scheduler address). Either way results come back as each file is done, and
only a bounded window of files is in flight, so that memory does not grow with the archive.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

from pipeline.core.errors import JixiaoError
from pipeline.run.isolate import Work, WorkerCrash, run_isolated
from pipeline.run.results import FileResult, failed

EXECUTORS = ("process", "dask")
# Files in flight per worker: enough to keep every worker busy, few enough to bound memory.
_WINDOW_PER_WORKER = 4


def map_files(files: list[Path], work: Work, jobs: int | None = None, executor: str = "process",
              scheduler: str | None = None) -> Iterator[tuple[Path, list[FileResult]]]:
    """(file, its results) for every file, in the order they finish."""
    if executor not in EXECUTORS:
        raise JixiaoError(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if not files:
        return iter(())
    jobs = max(1, jobs or os.cpu_count() or 1)
    if scheduler or executor == "dask":
        return _on_dask(files, work, jobs, scheduler)
    return _on_threads(files, work, jobs)


def _on_threads(files: list[Path], work: Work, jobs: int) -> Iterator[tuple[Path, list[FileResult]]]:
    queue = iter(files)
    pool = ThreadPoolExecutor(max_workers=min(jobs, len(files)), thread_name_prefix="jixiao-file")
    try:
        running = {}
        for path in queue:
            running[pool.submit(run_isolated, path, work)] = path
            if len(running) >= jobs * _WINDOW_PER_WORKER:
                break
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                path = running.pop(future)
                yield path, future.result()
                following = next(queue, None)
                if following is not None:
                    running[pool.submit(run_isolated, following, work)] = following
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _on_dask(files: list[Path], work: Work, jobs: int, scheduler: str | None) -> Iterator[tuple[Path, list[FileResult]]]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - a dependency of jixiao; only a broken install lacks it
        raise JixiaoError(f"the dask executor needs dask[distributed]: {exc}") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=":0")
            client = Client(cluster)
    except OSError as exc:
        raise JixiaoError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from exc
    try:
        queue = iter(enumerate(files))
        window = jobs * _WINDOW_PER_WORKER if cluster else max(jobs, _workers(client)) * _WINDOW_PER_WORKER

        def submit(index: int, path: Path):
            # Workers read the file from the path as given (a shared folder, same cwd or absolute).
            return client.submit(run_isolated, path, work, key=f"jixiao-file-{index}", pure=False)

        running = {submit(i, p): p for i, p in (next(queue) for _ in range(min(window, len(files))))}
        pending = as_completed(list(running))
        for future in pending:
            path = running.pop(future)
            if future.status == "finished":
                results = future.result()
            else:  # the worker died with the file (KilledWorker) or the task failed
                exc = future.exception()
                results = [failed(path, "crash", WorkerCrash(f"Dask: {type(exc).__name__}: {exc}"), None)]
            future.release()
            yield path, results
            following = next(queue, None)
            if following is not None:
                new = submit(*following)
                running[new] = following[1]
                pending.add(new)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _workers(client) -> int:
    return sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()) or 1
