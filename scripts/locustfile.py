"""Locust load of `make bench`: each simulated user is one association's admin (and, for the
network pages, the networks' heads) going through the key pages in turn.

The targets come from BENCH_TARGETS (the JSON printed by `manage.py bench_targets`). Every
request carries X-Bench-Page, which gunicorn writes to its access log with the server time
(%(D)s): the bench computes the server latencies from there.
Production cookies are Secure and there is no TLS here, so the cookies are sent by hand.
"""

import itertools
import json
import os
import re

from locust import HttpUser, between, task

with open(os.environ["BENCH_TARGETS"]) as targets_file:
    TARGETS = json.load(targets_file)["targets"]
_next = itertools.count()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _login(client, email):
    """A logged-in cookie header for email (GET the form, POST it like a browser)."""
    page = client.get("/connexion/", name="login", headers={"X-Bench-Page": "login"})
    cookies = {"csrftoken": page.cookies.get("csrftoken")}
    token = CSRF.search(page.text).group(1)
    response = client.post(
        "/connexion/",
        data={
            "username": email,
            "password": os.environ["BENCH_PASSWORD"],
            "csrfmiddlewaretoken": token,
        },
        headers={"Cookie": _header(cookies), "X-Bench-Page": "login"},
        allow_redirects=False,
        name="login",
    )
    if response.status_code != 302:
        raise RuntimeError(f"login of {email} failed: {response.status_code}")
    cookies.update(dict(response.cookies.items()))
    return cookies


def _header(cookies):
    return "; ".join(f"{k}={v}" for k, v in cookies.items() if v)


class KeyPages(HttpUser):
    # A person reads a page before the next click: 0.5 to 1.5 s by default (BENCH_THINK="a-b").
    wait_time = between(*(float(x) for x in os.environ.get("BENCH_THINK", "0.5-1.5").split("-")))

    def on_start(self):
        self.target = TARGETS[next(_next) % len(TARGETS)]
        self.client.cookies.clear()
        self.cookies = {"staff": _login(self.client, self.target["email"])}
        for who in ("head", "head500"):
            if self.target.get(f"{who}_email"):
                self.cookies[who] = _login(self.client, self.target[f"{who}_email"])
        # Each user starts at another page, so that every page is measured all along the run.
        pages = self.target["pages"]
        start = next(_next) % len(pages)
        self.pages = itertools.cycle(pages[start:] + pages[:start])

    @task
    def next_page(self):
        self._visit(next(self.pages))

    def _visit(self, page):
        cookies = self.cookies[page["who"]]
        name = page["name"]
        headers = {"Cookie": _header(cookies), "X-Bench-Page": name}
        kwargs = {"headers": headers, "name": name, "catch_response": True}
        if page["method"] == "POST":
            headers["X-CSRFToken"] = cookies["csrftoken"]
            headers["HX-Request"] = "true"
            call = self.client.post(page["url"], data=page["data"], **kwargs)
        else:
            call = self.client.get(page["url"], allow_redirects=False, **kwargs)
        with call as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
