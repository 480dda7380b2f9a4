"""Reads a report's layout as WeasyPrint lays it out, for tests: which headings end a page."""

from weasyprint import HTML

from reports.fetcher import BASE_URL, StaticOnlyURLFetcher

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LEAVES = {"LineBox", "BlockReplacedBox", "InlineReplacedBox"}


def _last_leaf(box, headings=()):
    """(the last line or image laid out in `box`, the headings it sits in), or None."""
    last = None
    tag = getattr(box, "element_tag", None)
    if tag in HEADINGS:
        headings = (*headings, box.element)
    kind = type(box).__name__
    if kind in LEAVES or (kind == "BlockBox" and tag == "svg"):
        return box, headings
    for child in getattr(box, "children", ()):
        found = _last_leaf(child, headings)
        if found is not None:
            last = found
    return last


def orphan_headings(html: str) -> list[tuple[int, str]]:
    """(page number, heading text) of each page whose last line is a heading's: a heading left
    alone at the foot of a page, its content on the next."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher()).render()
    orphans = []
    for number, page in enumerate(document.pages, start=1):
        body = page._page_box.children[0]  # the root box; the others are the margin boxes
        last = _last_leaf(body)
        if last is not None and last[1] and number < len(document.pages):
            orphans.append((number, "".join(last[1][-1].itertext()).strip()))
    return orphans


def block_boxes(html: str, tag: str, *, page: int = 1) -> list[tuple[float, float]]:
    """(top, height) of each block laid out for an element `tag` on page `page`, in order."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher()).render()
    found = []

    def walk(box):
        if getattr(box, "element_tag", None) == tag and type(box).__name__ == "BlockBox":
            found.append((box.position_y, box.margin_height()))
        for child in getattr(box, "children", ()):
            walk(child)

    walk(document.pages[page - 1]._page_box.children[0])
    return found


def boxes_past_the_right_margin(html: str) -> list[tuple[int, str, float]]:
    """(page number, tag, points past the margin) of each box laid out beyond the right edge of
    its page's content area: a table too wide for the page is cut off in the PDF."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher()).render()
    found = []
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box.children[0]
        right = root.content_box_x() + root.width

        def walk(box, number=number, right=right):
            if type(box).__name__ in {"TableBox", "TableCellBox", "BlockBox"}:
                past = box.position_x + box.margin_width() - right
                if past > 0.5:
                    found.append((number, getattr(box, "element_tag", ""), round(past, 1)))
            for child in getattr(box, "children", ()):
                walk(child)

        walk(root)
    return found
