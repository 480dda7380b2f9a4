"""Is an uploaded file a PDF that is safe to hand to the people who download it?

A file that only starts with ``%PDF-`` can be an HTML page (a polyglot); a real PDF can carry
JavaScript run by the reader, or other files embedded in it. We parse the file with pypdf and
walk every object reachable from its trailer, looking for what would act when opened.
"""

import logging

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Dictionary keys or names that make a PDF do something beyond showing pages.
ACTIVE_NAMES = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/EmbeddedFile": "embedded",
    "/EmbeddedFiles": "embedded",
    "/FileAttachment": "embedded",
    "/Launch": "javascript",
    "/RichMedia": "embedded",
    "/XFA": "javascript",
}
# Beyond that many objects we stop looking: a 10 MB file has far fewer in practice.
MAX_OBJECTS = 200_000


def pdf_problem(upload, *, not_a_pdf: str | None = None) -> str | None:
    """None when `upload` (a file object, read from its start) is a plain PDF, otherwise a
    sentence saying why it is refused (`not_a_pdf` when it does not parse as a PDF). The file
    is left at its start."""
    not_a_pdf = not_a_pdf or _("This file is not a real PDF.")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return _("This PDF is protected by a password: save it again without one.")
        if len(reader.pages) == 0:
            return not_a_pdf
        found = _active_content(reader.trailer)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        logger.info("An upload that is not a readable PDF was refused", exc_info=True)
        return not_a_pdf
    finally:
        upload.seek(0)
    if found == "javascript":
        return _("This PDF contains JavaScript, which we do not accept: print it again as PDF.")
    if found == "embedded":
        return _("This PDF contains other files embedded in it: print it again as PDF.")
    return None


def _active_content(root) -> str | None:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[tuple[int, int]] = set()
    stack = [root]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            return "javascript"  # too many objects to vouch for it
        if isinstance(node, DictionaryObject):  # a stream's dictionary included
            for name, value in node.items():
                if name in ACTIVE_NAMES:
                    return ACTIVE_NAMES[name]
                if (
                    isinstance(value, NameObject)
                    and value in ACTIVE_NAMES
                    and name
                    in (
                        "/S",
                        "/Subtype",
                        "/Type",
                    )
                ):
                    return ACTIVE_NAMES[value]
                stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None
