"""Reads a PDF's structure tree back (pypdf), for the tagged-PDF tests of every report kind."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PdfReader

HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")


@dataclass
class Structure:
    tagged: bool
    lang: str | None
    title: str | None
    headings: list[int] = field(default_factory=list)  # levels, in reading order
    tables: list[int] = field(default_factory=list)  # header cells of each table
    figures: list[str | None] = field(default_factory=list)  # alternative text of each figure

    def heading_jumps(self) -> list[tuple[int, int]]:
        """(level, next level) wherever a heading goes more than one level deeper."""
        return [(a, b) for a, b in zip(self.headings, self.headings[1:], strict=False) if b > a + 1]


def _children(node):
    kids = node.get("/K")
    if kids is None:
        return []
    if not isinstance(kids, list):
        kids = [kids]
    found = []
    for kid in kids:
        try:
            kid = kid.get_object()
        except AttributeError:
            continue
        if hasattr(kid, "get") and "/S" in kid:
            found.append(kid)
    return found


def _count(node, tag) -> int:
    return sum((child["/S"] == tag) + _count(child, tag) for child in _children(node))


def read_structure(pdf: bytes) -> Structure:
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    mark_info = catalog.get("/MarkInfo") or {}
    lang = catalog.get("/Lang")
    title = (reader.metadata or {}).get("/Title")
    structure = Structure(
        tagged=bool(mark_info.get("/Marked")) and "/StructTreeRoot" in catalog,
        lang=str(lang) if lang is not None else None,
        title=str(title) if title is not None else None,
    )
    if "/StructTreeRoot" not in catalog:
        return structure
    stack = [catalog["/StructTreeRoot"].get_object()]
    order = []
    while stack:  # depth first, in reading order
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(_children(node)))
    for node in order:
        tag = node.get("/S")
        if tag in HEADINGS:
            structure.headings.append(int(tag[2]))
        elif tag == "/Table":
            structure.tables.append(_count(node, "/TH"))
        elif tag == "/Figure":
            alt = node.get("/Alt")
            structure.figures.append(str(alt) if alt is not None else None)
    return structure
