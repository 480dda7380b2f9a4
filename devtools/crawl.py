"""Every page a logged-in person reaches by following links (GET only), breadth first.

Used by the smoke test of `make run`'s path (scripts/smoke_demo.py) and by the tests that read
every page of the demo (core/tests/test_demo_pages.py).
"""

import re
from collections import deque
from dataclasses import dataclass, field

LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/media/", "/deconnexion/")


@dataclass
class Visit:
    url: str
    referrer: str
    status: int
    html: str = ""


@dataclass
class Crawl:
    visits: list[Visit] = field(default_factory=list)

    @property
    def failures(self):
        return [(v.url, v.status) for v in self.visits if v.status >= 500]

    @property
    def forbidden(self):
        return [(v.url, v.referrer) for v in self.visits if v.status == 403]

    @property
    def pages(self):
        """The HTML pages read (status 200)."""
        return [v for v in self.visits if v.status == 200 and v.html]


def crawl(client, start="/tableau-de-bord/", limit=600, skip=SKIP) -> Crawl:
    """Follows the internal links of each HTML page from `start` with Django's test `client`
    (already logged in), up to `limit` URLs."""
    result = Crawl()
    seen, queue = set(), deque([(start, "")])
    while queue and len(seen) < limit:
        url, referrer = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        visit = Visit(url, referrer, response.status_code)
        result.visits.append(visit)
        if response.status_code >= 500:
            continue
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append((response["Location"], referrer))
        if response.get("Content-Type", "").startswith("text/html"):
            visit.html = response.content.decode("utf-8", "replace")
            for link in LINK.findall(visit.html):
                link = link.replace("&amp;", "&")
                if not link.startswith(skip) and link not in seen:
                    queue.append((link, url))
    return result
