"""Web forms of the schools app. They only parse input; the rules live in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from qalan.schools.services import CONTACT_CONSENT_TEXT, HANDOFF_CONSENT_TEXT, ROSTER_CONSENT_TEXT


class ClassForm(forms.Form):
    name = forms.CharField(label=_("Class name"), max_length=60, help_text=_("For example 6A or Olympiad group"))
    grade = forms.TypedChoiceField(label=_("Grade"), coerce=int, choices=[(g, g) for g in range(1, 12)])
    school_year = forms.CharField(label=_("School year"), max_length=9, help_text=_("For example 2025-2026"))
    school = forms.CharField(label=_("School (optional)"), max_length=200, required=False)
    city = forms.CharField(label=_("City or district (optional)"), max_length=100, required=False)


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=32,
        help_text=_("The code your teacher gave you, for example ABCD-EFGH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class InviteForm(forms.Form):
    username = forms.CharField(label=_("Student's username"), max_length=40)


class RosterForm(forms.Form):
    names = forms.CharField(
        label=_("Students' full names, one per line"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("We create an account for each name and print a hand-off code for it."),
    )
    # Unticked by default: the teacher confirms each time (P3.5).
    consent_confirmed = forms.BooleanField(label=gettext_lazy(ROSTER_CONSENT_TEXT), required=False)


class HandoffForm(forms.Form):
    username = forms.CharField(label=_("Username from the sheet"), max_length=40)
    code = forms.CharField(
        label=_("Hand-off code from the sheet"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    acting_as = forms.ChoiceField(
        label=_("I am"),
        choices=[("student", _("the student")), ("parent", _("the student's parent or legal representative"))],
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        help_text=_("A Kazakhstan mobile number, e.g. +7 701 123 45 67. Used to recover the password."),
    )
    password = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not a common password."),
    )
    consent = forms.BooleanField(label=gettext_lazy(HANDOFF_CONSENT_TEXT), required=False)


class LinkCodeForm(forms.Form):
    contact = forms.CharField(
        label=_("Send the code to (optional)"),
        max_length=254,
        required=False,
        help_text=_("A phone number or e-mail of your parent or child. Leave empty to pass the code on yourself."),
    )
    contact_consent = forms.BooleanField(label=gettext_lazy(CONTACT_CONSENT_TEXT), required=False)


class LinkConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code you received"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
