"""The action plan's timeline (a Gantt chart drawn in HTML and CSS): pure, no query.

Positions are percentages of the track, so the chart fits any width; the month labels are not:
« janv. 27 » takes about 50 px whatever the width. Each label therefore says at which widths it
shows (`hidden_on`, CSS classes of alliances.css), so that the labels shown never overlap nor
pass the track's right end: every month on a wide track, every second, third… on a narrow one
(counted from the first month shown).
"""

from dataclasses import dataclass

# The screen widths of Bootstrap's breakpoints the track's width depends on, with the room a
# label needs on the narrowest track of each (in % of the track) and how far right a label may
# start. A label is about 50 px; the track is 70 % of the content's width: ~200 px on a 320 px
# phone, ~350 px at 576 px, ~640 px at 992 px.
TIERS = (
    ("sm", 25, 78),  # under 576 px
    ("md", 15, 86),  # 576 to 991 px
    ("lg", 8, 92),  # 992 px and over
)
STEPS = (1, 2, 3, 4, 6, 12, 24, 36, 60, 120)
AVERAGE_MONTH = 30.44  # days
# A late bar's flag (« En retard », about 60 px) goes after the bar when the bar ends before this
# point, else before it when it starts after LATE_FLAG_BEFORE, else inside its end.
LATE_FLAG_AFTER = 75
LATE_FLAG_BEFORE = 25


@dataclass(frozen=True)
class Month:
    date: object
    left: str
    hidden_on: str  # CSS classes: fa-gantt-off-sm, -md, -lg


def _step(span, room):
    """Every how many months a label goes so that labels stand `room` % of the track apart."""
    month = AVERAGE_MONTH / span * 100
    for step in STEPS:
        if step * month >= room:
            return step
    return STEPS[-1]


def months(start, end, span):
    """The first day of each month within [start, end], with the widths it is shown at."""
    firsts = []
    cursor = start.replace(day=1)
    while cursor <= end:
        if cursor >= start:
            firsts.append(cursor)
        cursor = (
            cursor.replace(year=cursor.year + 1, month=1)
            if cursor.month == 12
            else cursor.replace(month=cursor.month + 1)
        )
    result = []
    for index, first in enumerate(firsts):
        left = (first - start).days / span * 100
        hidden = [
            f"fa-gantt-off-{tier}"
            for tier, room, last_start in TIERS
            if index % _step(span, room) or left > last_start
        ]
        result.append(Month(first, f"{left:.2f}", " ".join(hidden)))
    return result


def late_flag(left, width):
    """Where a late bar's flag goes: (side, position in % of the track for `left` or `right`)."""
    end = left + width
    if end <= LATE_FLAG_AFTER:
        return "after", f"{end:.2f}"
    if left >= LATE_FLAG_BEFORE:
        return "before", f"{100 - left:.2f}"
    return "inside", f"{100 - end:.2f}"


def timeline(actions, today):
    """The chart of the dated `actions` (None when none is dated), today's line included."""
    dated = [a for a in actions if a.start_date or a.due_date]
    if not dated:
        return None
    start = min(min((a.start_date or a.due_date) for a in dated), today)
    end = max(max((a.due_date or a.start_date) for a in dated), today)
    span = max((end - start).days, 1)
    bars = []
    for action in dated:
        a_start = action.start_date or action.due_date
        a_end = action.due_date or action.start_date
        left = (a_start - start).days / span * 100
        width = min(max((a_end - a_start).days / span * 100, 1.5), 100 - left)
        bar = {"action": action, "left": f"{left:.2f}", "width": f"{width:.2f}"}
        if action.is_late:
            bar["flag_side"], bar["flag_at"] = late_flag(left, width)
        bars.append(bar)
    return {
        "start": start,
        "end": end,
        "bars": bars,
        "months": months(start, end, span),
        "today": f"{(today - start).days / span * 100:.2f}",
    }
