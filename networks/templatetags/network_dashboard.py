"""Parts of the network dashboard written in Python rather than as template loops: a page of
25 members with their alliances, and a department filter of ~100 options, made ~2,500
template nodes, half of the page's time. Each of these is one call; every value is escaped
(with the standard library's `html.escape`, which Django's `escape` wraps: its lazy-string
check cost ~1 ms a page here, where every value is a plain string)."""

import html

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.url_templates import url_maker

register = template.Library()


def escape(value):
    return html.escape(str(value))


def alliance_lines(row, empty_text, more_url):
    """Each of the row's alliances as a link and the step it has reached, one per line, and
    « + N autres » linking to the list of its alliances when it has more."""
    if not row.alliances:
        return f'<span class="text-body-secondary">{escape(empty_text)}</span>'
    lines = [
        f'<a href="{line.url}">{escape(line.alliance.title)}</a> · '
        f'<span class="small">{escape(line.step_label)}</span>'
        for line in row.alliances
    ]
    if more := row.more_alliances:
        text = ngettext("+ %(n)s other", "+ %(n)s others", more) % {"n": more}
        hidden = gettext("alliances of « %(name)s »") % {"name": row.name}
        lines.append(
            f'<a class="small" href="{more_url}">{escape(text)}'
            f'<span class="visually-hidden"> {escape(hidden)}</span></a>'
        )
    return "<br>".join(lines)


@register.simple_tag
def filter_options(field):
    """The <option>s of a filter's <select>, the submitted one selected."""
    value = field.value()
    current = "" if value is None else str(value)
    return mark_safe(
        "".join(
            f'<option value="{escape(choice)}"{" selected" if str(choice) == current else ""}>'
            f"{escape(label)}</option>"
            for choice, label in field.field.choices
        )
    )


@register.simple_tag
def member_rows(rows):
    """The <tr> of each member of a page: its name, maturity level, latest diagnostic,
    alliances with their step, and what to watch."""
    association_url = url_maker("organisations:association_detail")
    alliances_url = url_maker("alliances:alliance_list")
    campaign_url = url_maker("diagnostics:campaign_detail")
    none_yet = escape(gettext("none yet"))
    no_alliance = gettext("no alliance")
    html = []
    for row in rows:
        member = row.association
        if row.campaign_id:
            local = timezone.localtime(row.diagnostic_date)  # stored in UTC
            date = escape(date_format(local, "SHORT_DATE_FORMAT"))
            diagnostic = f'<a href="{campaign_url(row.campaign_id)}">{date}</a>'
        else:
            diagnostic = f'<span class="text-body-secondary">{none_yet}</span>'
        notes = (
            "".join(
                f'<span class="d-block{" text-danger" if urgent else ""}">'
                f"{'⚠ ' if urgent else ''}{escape(text)}</span>"
                for text, urgent in row.watch_notes
            )
            or '<span class="text-body-secondary">—</span>'
        )
        html.append(
            "<tr>"
            f'<th scope="row" class="fw-normal"><a href="{association_url(member.pk)}">'
            f"{escape(member.name)}</a><br>"
            f'<span class="small text-body-secondary">{escape(member.department_label)} · '
            f"{escape(member.sector_label)}</span></th>"
            f"<td>{escape(row.maturity_label) or '—'}</td>"
            f"<td>{diagnostic}</td>"
            f"<td>{alliance_lines(row, no_alliance, alliances_url(member.pk))}</td>"
            f'<td class="small">{notes}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(html))
