"""The draft's articles, and a party's answer with its requests article by article."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .articles import free_key
from .models import Decision

TITLE_MAX = 200
TEXT_MAX = 20000
REQUEST_MAX = 4000


class DraftForm(forms.Form):
    """One title and one text a article; a free article may be removed; one more may be added."""

    new_title = forms.CharField(
        label=_("Title of a new article"), max_length=TITLE_MAX, required=False
    )
    new_text = forms.CharField(
        label=_("Text of the new article"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, articles, **kwargs):
        super().__init__(*args, **kwargs)
        self.articles = articles
        self.rows = []
        for index, article in enumerate(articles):
            title = f"title-{index}"
            body = f"text-{index}"
            self.fields[title] = forms.CharField(
                label=_("Title of article %(n)s") % {"n": index + 1},
                max_length=TITLE_MAX,
                initial=article["title"],
                error_messages={"required": _("An article needs a title.")},
            )
            self.fields[body] = forms.CharField(
                label=_("Text of article %(n)s") % {"n": index + 1},
                max_length=TEXT_MAX,
                required=False,
                initial=article["text"],
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            row = {"key": article["key"], "title": title, "text": body, "remove": None}
            if article["key"].startswith("free-"):
                remove = f"remove-{index}"
                self.fields[remove] = forms.BooleanField(
                    label=_("Remove this article"), required=False
                )
                row["remove"] = remove
            self.rows.append(row)

    def clean(self):
        data = super().clean()
        if data.get("new_text") and not data.get("new_title"):
            self.add_error("new_title", _("Give the new article a title."))
        return data

    def bound_rows(self):
        return [
            {
                "title": self[row["title"]],
                "text": self[row["text"]],
                "remove": self[row["remove"]] if row["remove"] else None,
            }
            for row in self.rows
        ]

    def cleaned_articles(self) -> list[dict]:
        data = self.cleaned_data
        result = [
            {"key": row["key"], "title": data[row["title"]], "text": data[row["text"]]}
            for row in self.rows
            if not (row["remove"] and data.get(row["remove"]))
        ]
        if data.get("new_title"):
            result.append({"key": free_key(), "title": data["new_title"], "text": data["new_text"]})
        return result


class AnswerForm(forms.Form):
    """Accept the version, or ask for changes with a comment on each article concerned."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=32767)
    decision = forms.ChoiceField(
        label=_("Your answer"), choices=Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("General comment (optional)"),
        max_length=REQUEST_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, articles, **kwargs):
        super().__init__(*args, **kwargs)
        self.articles = articles
        for index, article in enumerate(articles):
            self.fields[f"request-{index}"] = forms.CharField(
                label=_("Change asked on article %(n)s – %(title)s")
                % {"n": index + 1, "title": article["title"]},
                max_length=REQUEST_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def request_fields(self):
        return [self[f"request-{index}"] for index in range(len(self.articles))]

    def clean(self):
        data = super().clean()
        asked = [
            index for index in range(len(self.articles)) if data.get(f"request-{index}", "").strip()
        ]
        if data.get("decision") == Decision.CHANGES and not asked:
            self.add_error(
                None,
                _("Say what should change: write a comment on each article concerned."),
            )
        if data.get("decision") == Decision.ACCEPTED and asked:
            self.add_error(
                None,
                _(
                    "An acceptance carries no request: empty the comments on the articles, or "
                    "choose « Asks for changes »."
                ),
            )
        return data

    def requests(self) -> list[dict]:
        return [
            {
                "key": article["key"],
                "title": article["title"],
                "comment": self.cleaned_data[f"request-{index}"].strip(),
            }
            for index, article in enumerate(self.articles)
            if self.cleaned_data.get(f"request-{index}", "").strip()
        ]
