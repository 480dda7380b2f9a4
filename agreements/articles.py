"""The articles of a convention's text: the outline a first draft starts from, the difference
between two versions, and the canonical form whose SHA-256 identifies an accepted text.

Pure: no query here, the callers pass what they read."""

import difflib
import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from alliances.models import Clause

DISPUTES = "disputes"
# A word with the spaces after it: a change reads as whole words replaced, not as words
# interleaved with the spaces between them.
TOKENS = re.compile(r"\s+|\S+\s*")


def outline() -> list[tuple[str, str]]:
    """(key, title) of the articles of a first draft: the clause checklist, then « Disputes »."""
    return [(clause.value, str(clause.label)) for clause in Clause] + [(DISPUTES, _("Disputes"))]


def free_key() -> str:
    return f"free-{secrets.token_hex(4)}"


def first_draft(convention, parties) -> list[dict]:
    """The outline, with what the convention already says where it says it."""
    prefilled = {}
    if convention.financial_terms:
        prefilled[Clause.FINANCIAL.value] = convention.financial_terms
    commitments = [
        f"{party.display_name} : {party.commitments}" for party in parties if party.commitments
    ]
    if commitments:
        prefilled[Clause.COMMITMENTS.value] = "\n".join(commitments)
    if convention.start_date and convention.end_date:
        prefilled[Clause.DURATION.value] = _("The convention runs from %(start)s to %(end)s.") % {
            "start": convention.start_date.strftime("%d/%m/%Y"),
            "end": convention.end_date.strftime("%d/%m/%Y"),
        }
    return [
        {"key": key, "title": title, "text": prefilled.get(key, "")} for key, title in outline()
    ]


@dataclass
class ArticleDiff:
    title: str
    status: str  # "same", "changed", "added", "removed"
    old_title: str = ""
    # [(op, text)]: op is "same", "added" or "removed"; the template escapes the text.
    segments: list = field(default_factory=list)

    @property
    def changed(self):
        return self.status != "same"


def _words(text):
    return TOKENS.findall(text or "")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = _words(old), _words(new)
    segments = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new_words[j1:j2])))
    return segments


def diff_articles(old: list[dict] | None, new: list[dict]) -> list[ArticleDiff]:
    """Article by article (matched on their key), in the new text's order, the removed ones
    where they stood. Without a previous version every article is « added »."""
    old = old or []
    before = {article["key"]: article for article in old}
    kept = {article["key"] for article in new}
    diffs = []
    for article in new:
        previous = before.get(article["key"])
        if previous is None:
            diffs.append(
                ArticleDiff(article["title"], "added", segments=[("added", article["text"])])
            )
            continue
        segments = word_diff(previous["text"], article["text"])
        same = previous["text"] == article["text"] and previous["title"] == article["title"]
        diffs.append(
            ArticleDiff(
                article["title"],
                "same" if same else "changed",
                old_title=previous["title"] if previous["title"] != article["title"] else "",
                segments=segments,
            )
        )
    for position, article in enumerate(old):
        if article["key"] not in kept:
            diffs.insert(
                min(position, len(diffs)),
                ArticleDiff(article["title"], "removed", segments=[("removed", article["text"])]),
            )
    return diffs


def canonical_text(*, convention_title, number, articles, parties, acceptances) -> str:
    """The accepted text as one string: the same content gives the same bytes, so the same
    SHA-256 (keys sorted, no spaces, UTF-8, dates as ISO 8601)."""
    return json.dumps(
        {
            "convention": convention_title,
            "version": number,
            "articles": [
                {"title": article["title"], "text": article["text"]} for article in articles
            ],
            "parties": [party["name"] for party in parties],
            "acceptances": acceptances,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
