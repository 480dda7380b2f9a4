"""A running report's heartbeat: the process rendering it writes the time on its row every few
seconds, so that a report whose worker was lost (SIGKILL, out of memory, a machine gone) is
known within half a minute, not after the task's time limit."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from datetime import timedelta

from django.db import connections
from django.utils import timezone

from .models import Report

#: How often a running report's row is touched.
HEARTBEAT_EVERY = timedelta(seconds=5)
#: A running report not touched for this long has lost its worker.
HEARTBEAT_STALE = timedelta(seconds=30)


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def process_is_gone(worker: str) -> bool:
    """True when `worker` ("host:pid") ran on this machine and that process no longer exists
    (a redelivered task then knows at once that the render was lost)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def is_lost(report: Report, now=None) -> bool:
    """A running report whose heartbeat stopped, or whose process on this machine is gone."""
    now = now or timezone.now()
    beat = report.heartbeat_at or report.started_at
    if beat is None or beat < now - HEARTBEAT_STALE:
        return True
    return bool(report.worker) and process_is_gone(report.worker)


@contextlib.contextmanager
def beating(report_id: int):
    """Touches the report's row every HEARTBEAT_EVERY while the block runs (a thread: the
    render holds the main one for seconds)."""
    done = threading.Event()

    def beat():
        try:
            while not done.wait(HEARTBEAT_EVERY.total_seconds()):
                Report.objects.filter(pk=report_id, status=Report.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(5)
