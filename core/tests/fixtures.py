"""Fixtures shared by apps: browser (Playwright + Debian's Chromium) and a real Celery worker."""
