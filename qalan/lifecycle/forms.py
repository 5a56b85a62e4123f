"""Web forms of the lifecycle pages. They parse input; the rules live in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from qalan.core import inventory
from qalan.lifecycle.models import ArchivePurpose, BlockReason


class BlockForm(forms.Form):
    username = forms.CharField(label=_("Username of the account"), max_length=40)
    reason = forms.ChoiceField(label=_("Rule that was broken"), choices=BlockReason.choices)
    explanation = forms.CharField(
        label=_("Explanation for the person"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The person reads this when they try to sign in. Say what happened; do not quote other people's data."
        ),
    )


def _dataset_choices():
    return [("", _("— none: hold one user's data —"))] + [
        (d.model, f"{d.model}: {d.description}") for d in inventory.declarations()
    ]


class LegalHoldForm(forms.Form):
    username = forms.CharField(
        label=_("Username (to hold one user's data)"),
        max_length=40,
        required=False,
    )
    dataset = forms.ChoiceField(label=_("Or a whole data set"), choices=(), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The dispute or incident the data is evidence for. Only staff see it."),
    )
    ends_on = forms.DateField(label=_("Held until"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dataset"].choices = _dataset_choices()


class ArchiveSearchForm(forms.Form):
    person = forms.CharField(label=_("Username or phone number"), max_length=40, required=False)


class ArchiveReadForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Legal purpose of this read"),
        choices=ArchivePurpose.choices,
        help_text=_("Every read is recorded with its purpose."),
    )
