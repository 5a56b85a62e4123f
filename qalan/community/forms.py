"""Web forms of the community app. They only parse input; the rules live in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from qalan.community.models import BODY_MAX, Comment, Report


class CommentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("This is a"), choices=Comment.Kind.choices, initial=Comment.Kind.COMMENT, widget=forms.RadioSelect
    )
    body = forms.CharField(
        label=_("Your text"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone who opens this task can read it. Do not write personal details."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 2}))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why do you report it?"), choices=Report.Reason.choices)
