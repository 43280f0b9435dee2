"""Where chunks of events are compared: in this process, in a pool of local worker
processes, or on a Dask cluster. Each runner only submits and waits; the batch loop
(`run`) is the same for all three."""

from __future__ import annotations

import concurrent.futures as cf
from typing import Any, Iterable

from .errors import BatchError
from .work import Job, compare_chunk, prepare_worker


class _Done:
    """A finished result, for the runner that computes while submitting."""

    def __init__(self, fn, *args) -> None:
        try:
            self._value, self._error = fn(*args), None
        except Exception as exc:
            self._value, self._error = None, exc

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value


class InlineRunner:
    """One process: no pool to start, for `--workers 1`."""

    slots = 1

    def __init__(self, pipeline: str | None) -> None:
        self.pipeline = pipeline

    def submit(self, jobs: list[Job]):
        return _Done(compare_chunk, jobs, self.pipeline)

    def wait(self, pending: Iterable) -> tuple[set, set]:
        return set(pending), set()

    def close(self, interrupted: bool) -> None:
        pass


class PoolRunner:
    """Local worker processes, each loading the pipeline once when it starts."""

    def __init__(self, workers: int, pipeline: str | None) -> None:
        self.pipeline = pipeline
        self.slots = workers * 2  # one chunk under way and one waiting, per worker
        self.pool = cf.ProcessPoolExecutor(workers, initializer=prepare_worker, initargs=(pipeline,))

    def submit(self, jobs: list[Job]):
        return self.pool.submit(compare_chunk, jobs, self.pipeline)

    def wait(self, pending: Iterable) -> tuple[set, set]:
        done, left = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        return set(done), set(left)

    def close(self, interrupted: bool) -> None:
        # After Ctrl-C nothing new starts; chunks under way finish and are dropped.
        self.pool.shutdown(wait=not interrupted, cancel_futures=interrupted)


class DaskRunner:
    """A Dask distributed scheduler at `address`; its workers load the pipeline once per
    process, on their first chunk."""

    def __init__(self, address: str, pipeline: str | None) -> None:
        try:
            from dask.distributed import Client
        except ImportError:
            raise BatchError("--dask needs Dask: install bothsides[dask] (dask[distributed])") from None
        try:
            self.client = Client(address, timeout=30)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.pipeline = pipeline
        threads = sum(self.client.nthreads().values())
        self.slots = max(2, threads * 2)

    def submit(self, jobs: list[Job]):
        return self.client.submit(compare_chunk, jobs, self.pipeline, pure=False)

    def wait(self, pending: Iterable) -> tuple[set, set]:
        from dask.distributed import wait

        done, left = wait(list(pending), return_when="FIRST_COMPLETED")
        return set(done), set(left)

    def close(self, interrupted: bool) -> None:
        self.client.close()


def make_runner(workers: int, dask: str | None, pipeline: str | None):
    if dask:
        return DaskRunner(dask, pipeline)
    return InlineRunner(pipeline) if workers <= 1 else PoolRunner(workers, pipeline)
