"""Fault injection for the crash-safety tests: kill this process at a chosen point.

Set ``CLAIMTRACK_FAULT=commit:K`` to be killed (SIGKILL, no clean-up) just before the
K-th transaction of the process commits — its rows are written but not committed — or
``CLAIMTRACK_FAULT=snapshot`` to be killed in the middle of publishing the snapshot.
``CLAIMTRACK_FAULT_LOG=FILE`` appends one line per commit naming the function that
committed. Without these variables the checks cost one dictionary lookup."""

from __future__ import annotations

import inspect
import os
import signal

_commits = 0


def before_commit() -> None:
    global _commits
    spec = os.environ.get("CLAIMTRACK_FAULT")
    log = os.environ.get("CLAIMTRACK_FAULT_LOG")
    if not spec and not log:
        return
    _commits += 1
    if log:
        caller = next((f.function for f in inspect.stack()[2:6] if f.function not in ("__exit__", "transaction")), "?")
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{_commits} {caller}\n")
    if spec == f"commit:{_commits}":
        os.kill(os.getpid(), signal.SIGKILL)


def at(point: str) -> None:
    if os.environ.get("CLAIMTRACK_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
