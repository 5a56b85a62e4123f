"""Web forms of the rights app. They only parse input; the rules live in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qalan.accounts.models import Role
from qalan.core.consent import ConsentPurpose
from qalan.core.inventory import Category, LegalBasis
from qalan.rights.models import IncidentStatus, Recipient, RequestChannel, RequestKind

# Kinds a signed-in person asks for with a text; the others have their own pages.
WRITTEN_KINDS = [
    (k.value, k.label)
    for k in (
        RequestKind.CORRECTION,
        RequestKind.DELETION,
        RequestKind.OBJECTION,
        RequestKind.RESTRICTION,
        RequestKind.OTHER,
    )
]
PUBLIC_KINDS = [(k.value, k.label) for k in RequestKind if k != RequestKind.EXPORT]


def consent_purpose_field():
    return forms.ChoiceField(
        label=_("Which consent (to withdraw it or object)"),
        choices=[("", "—"), *ConsentPurpose.choices],
        required=False,
        help_text=_("Only for a withdrawal of consent or an objection."),
    )


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you want?"), choices=WRITTEN_KINDS)
    description = forms.CharField(
        label=_("Your request"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what we should do. For a correction, write the correct value."),
    )
    data_concerned = forms.CharField(
        label=_("Which data it is about"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: my date of birth in the profile, the result of the test of 3 March."),
    )


class CorrectionForm(forms.Form):
    data_concerned = forms.CharField(
        label=_("Which data is wrong"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: my phone number, my result in the test of 3 March."),
    )
    description = forms.CharField(
        label=_("What is correct"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Write the correct value and, if you can, why the current one is wrong."),
    )


class ObjectionForm(forms.Form):
    description = forms.CharField(
        label=_("Which processing do you object to, and why?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ComplaintForm(forms.Form):
    description = forms.CharField(
        label=_("Your complaint"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, when, and what you want us to do."),
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account, learning materials and history will be deleted."), required=False
    )
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class PublicRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Which right do you want to exercise?"), choices=PUBLIC_KINDS)
    requester_name = forms.CharField(label=_("Your full name"), max_length=150)
    requester_contact = forms.CharField(
        label=_("E-mail or phone for the answer"), max_length=254, help_text=_("We use it only to answer you.")
    )
    account_identifier = forms.CharField(
        label=_("Username or phone number of the account"),
        max_length=40,
        help_text=_("We send a code to the account's own phone to check that it is yours."),
    )
    code_channel = forms.ChoiceField(
        label=_("Send the code by"),
        choices=[("sms", _("SMS to the account's phone")), ("email", _("E-mail to the account's address"))],
        initial="sms",
        widget=forms.RadioSelect,
    )
    consent_purpose = consent_purpose_field()
    description = forms.CharField(
        label=_("Your request"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    data_concerned = forms.CharField(
        label=_("Which data it is about"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    by_representative = forms.BooleanField(label=_("I act for someone else (a representative)"), required=False)
    power_of_attorney = forms.FileField(
        label=_("Power of attorney"),
        required=False,
        help_text=_("Required for a representative: PDF, JPEG or PNG. Only the data protection officer can open it."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the message"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


# --- DPO workspace ------------------------------------------------------------------------


class EnterRequestForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Came by"), choices=[(c.value, c.label) for c in (RequestChannel.EMAIL, RequestChannel.PAPER)]
    )
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Right"), choices=RequestKind.choices)
    consent_purpose = consent_purpose_field()
    requester_name = forms.CharField(label=_("Full name of the requester"), max_length=150)
    requester_contact = forms.CharField(label=_("Contact for the answer"), max_length=254)
    account_identifier = forms.CharField(
        label=_("Username or phone of the account"),
        max_length=40,
        required=False,
        help_text=_("Leave empty if the person has no account."),
    )
    by_representative = forms.BooleanField(label=_("Made by a representative"), required=False)
    power_of_attorney = forms.FileField(label=_("Power of attorney (PDF, JPEG or PNG)"), required=False)
    description = forms.CharField(
        label=_("The request"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    data_concerned = forms.CharField(
        label=_("The data concerned"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody"))

    def __init__(self, *args, dpos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = dpos


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Comment (internal)"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("How was the identity checked?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkAccountForm(forms.Form):
    account_identifier = forms.CharField(label=_("Username or phone of the account"), max_length=40)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=pgettext_lazy("data request: the answer", "Answer"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The information asked for, or the measures taken. The requester receives this text."),
    )


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reasons for the refusal"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    legal_ground = forms.CharField(
        label=_("Legal ground"),
        max_length=300,
        help_text=_("The law and its article, e.g. Law on Personal Data, art. 16."),
    )


class ExtendForm(forms.Form):
    until = forms.DateField(label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        label=_("Reasons (the requester is told them)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PowerOfAttorneyForm(forms.Form):
    power_of_attorney = forms.FileField(label=_("Power of attorney (PDF, JPEG or PNG)"))


class DisclosureForm(forms.Form):
    recipient = forms.ModelChoiceField(label=_("Recipient"), queryset=Recipient.objects.filter(active=True))
    account_identifier = forms.CharField(label=_("Username or phone of the person"), max_length=40)
    categories = forms.MultipleChoiceField(
        label=_("Categories of data given"),
        choices=[(c.value, c.label) for c in Category if c != Category.NONE],
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("What was given"), max_length=300, help_text=_("Describe it; do not copy the data itself.")
    )
    legal_basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices)
    basis_detail = forms.CharField(
        label=_("Basis in detail"),
        max_length=300,
        required=False,
        help_text=_("For an authority: its name, the number and date of its request."),
    )
    inform_user = forms.BooleanField(label=_("Tell the person about this transfer"), required=False, initial=True)
    not_informed_reason = forms.CharField(
        label=_("If not: the law that forbids telling them"), max_length=300, required=False
    )


# --- The breach register ------------------------------------------------------------------

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]


def _datetime_field(label, *, required: bool, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATETIME_FORMATS,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class IncidentForm(forms.Form):
    summary = forms.CharField(label=_("What happened, in one line"), max_length=200)
    description = forms.CharField(
        label=_("What happened"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the data was exposed, lost or changed. Do not name people here: link them below."),
    )
    occurred_at = _datetime_field(_("When it happened (if known)"), required=False)
    discovered_at = _datetime_field(
        _("When it was found"),
        required=True,
        help_text=_("The notice to the authorised body is due one business day after this day."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories of data concerned"),
        choices=[(c.value, c.label) for c in Category if c != Category.NONE],
        widget=forms.CheckboxSelectMultiple,
    )
    # No bounds here: the service gives the one clear message for a negative number.
    affected_count = forms.IntegerField(label=_("How many people are affected"))
    measures = forms.CharField(
        label=_("Measures taken"), max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    status = forms.ChoiceField(label=_("Status"), choices=IncidentStatus.choices, initial=IncidentStatus.OPEN)
    people = forms.CharField(
        label=_("People affected: usernames or phones, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. They are told in their own language when you send the notices to people."),
    )
    selection = forms.ChoiceField(
        label=_("Or link a whole group"),
        required=False,
        choices=[
            ("", "—"),
            ("all", _("Every active account")),
            (Role.STUDENT, _("Every student")),
            (Role.TEACHER, _("Every teacher")),
            (Role.PARENT, _("Every parent")),
        ],
    )


class IncidentAuthorityForm(forms.Form):
    reference = forms.CharField(
        label=_("The authority's reference (if given)"),
        max_length=100,
        required=False,
        help_text=_("The number or date of registration the authority gave the notice."),
    )
    late_reason = forms.CharField(
        label=_("Why the notice is late (only past the deadline)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
