from django import forms
from django.utils.translation import gettext_lazy as _

from qalan.support.models import DESCRIPTION_MAX, REPLY_MAX


class TicketForm(forms.Form):
    contact = forms.CharField(
        label=_("E-mail or phone for the answer"),
        max_length=254,
        help_text=_("We use it only to answer this request."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Describe the problem"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    confirm_sensitive = forms.BooleanField(
        label=_("I confirm: save this text as confidential (it is never shown to other users)."), required=False
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=REPLY_MAX, widget=forms.Textarea(attrs={"rows": 4}))
