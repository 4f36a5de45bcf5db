"""`extract_to` on Dask: a scheduler and two workers started as processes on 127.0.0.1
(`--scheduler`), and a LocalCluster (`--executor dask`), write the tables of a local run."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import store
from pipeline.core.schema import TABLES
from pipeline.run import extract_to
from tests.conftest import CORPUS, SEED

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded workers."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask-logs")
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                 "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler", "wb"))]
    for n in range(2):
        started.append(subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard",
                                         "--local-directory", str(logs / f"w{n}")],
                                        stdout=subprocess.DEVNULL, stderr=open(logs / f"worker{n}", "wb")))
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=max(1.0, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for proc in reversed(started):
            proc.terminate()
        for proc in started:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for path in [SEED, *sorted((CORPUS / "archive").glob("*"))[:12]]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def local(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    extract_to([archive], out, jobs=2)
    return store.load(out)


def _facts(tables) -> dict:
    """Every table as a sorted list of rows (the order of rows is the store's, not the engine's)."""
    return {name: sorted(repr(sorted((k, repr(v)) for k, v in row.items())) for row in tables[name].to_dict("records"))
            for name in TABLES}


def test_run_dask_scheduler_gives_the_tables_of_a_local_run(scheduler, archive, local, tmp_path):
    extraction = extract_to([archive], tmp_path / "out", scheduler=scheduler)
    on_cluster = store.load(tmp_path / "out")
    assert extraction.n_files == len(local.documents) and extraction.n_failed == 1
    assert {name: len(frame) for name, frame in on_cluster.items()} == {name: len(frame) for name, frame in local.items()}
    assert _facts(on_cluster) == _facts(local)


def test_run_dask_local_cluster_gives_the_tables_of_a_local_run(archive, local, tmp_path):
    extract_to([archive], tmp_path / "out", jobs=2, executor="dask")
    assert _facts(store.load(tmp_path / "out")) == _facts(local)
