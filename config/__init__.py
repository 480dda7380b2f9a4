# Loading the Celery app with Django makes @shared_task use it and on_commit dispatch work.
from .celery import app as celery_app

__all__ = ("celery_app",)
