from django import template

from alliances.selectors import reviews_of

register = template.Library()


@register.inclusion_tag("alliances/_reviews_summary.html")
def alliance_reviews(alliance, step=None):
    """The network's reviews of this alliance (or of this step), on the association's pages."""
    return {"alliance": alliance, "step": step, "reviews": reviews_of(alliance, step)}
