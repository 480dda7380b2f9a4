"""Every page names the site's icon: browsers stop asking for a /favicon.ico that is not there."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse


def test_pages_link_the_sites_icon_and_the_file_is_there(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    link = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', page)
    assert link, "no icon linked"
    icon = finders.find(link.group(1))
    assert icon, link.group(1)
    with open(icon) as svg:
        assert "<title>Faire Alliance</title>" in svg.read()
