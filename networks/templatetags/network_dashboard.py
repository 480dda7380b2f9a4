"""Parts of the network dashboard written in Python rather than as template loops: a page of
25 members with ~10 alliances each, and a department filter of ~100 options, made ~2,500
template nodes, half of the page's time. Each of these is one call; every value is escaped."""

from django import template
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.url_templates import url_maker

register = template.Library()


@register.simple_tag
def alliance_lines(lines, empty_text):
    """Each alliance as a link and the step it has reached, one per line."""
    if not lines:
        return format_html('<span class="text-body-secondary">{}</span>', empty_text)
    return mark_safe(
        "<br>".join(
            f'<a href="{line.url}">{escape(line.alliance.title)}</a> · '
            f'<span class="small">{escape(line.step_label)}</span>'
            for line in lines
        )
    )


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
    campaign_url = url_maker("diagnostics:campaign_detail")
    none_yet = escape(gettext("none yet"))
    no_alliance = gettext("no alliance")
    html = []
    for row in rows:
        member = row.association
        if row.campaign_id:
            date = escape(date_format(row.diagnostic_date, "SHORT_DATE_FORMAT"))
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
            f"<td>{alliance_lines(row.alliances, no_alliance)}</td>"
            f'<td class="small">{notes}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(html))
