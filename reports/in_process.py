"""Reports rendered in the web process, after the request, when there is no broker.

Without `REDIS_URL` (`make run`'s default) Celery runs tasks eagerly: a report sent on commit
was rendered inside the request that asked for it, and the « Générer le PDF » click hung for
the whole render. Here the request only creates the row and hands its id to one thread of the
web process, which sends the task (still run eagerly, so the same code renders it as a worker
would) while the page polls the row until it is ready.

One thread takes the reports in turn, as a worker of concurrency 1 would: a bulk export of 200
reports never starts 200 renders at once. The thread dies with the process; a report it had not
finished stays queued or running in the database, and `services.requeue_stale` sends it again
(the report page's poll runs it in this set-up, which has no Celery beat).
"""

from __future__ import annotations

import logging
import queue
import threading

from celery import signature
from django.db import connections

logger = logging.getLogger(__name__)

_tasks: queue.SimpleQueue = queue.SimpleQueue()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def submit(task_name: str, args: list) -> None:
    """Run the task `task_name(*args)` in the report thread, after the tasks already given."""
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_work, name="reports-in-process", daemon=True)
            _thread.start()
    _tasks.put((task_name, args))


def _work() -> None:
    while True:
        task_name, args = _tasks.get()
        try:
            signature(task_name, args=args).delay()  # eager: runs here, in this thread
        except Exception:  # the task has recorded its failure on its row; keep serving
            logger.exception("Task %s%r failed in the report thread", task_name, tuple(args))
        finally:
            # This thread's own database connections: never left open between two reports.
            connections.close_all()
