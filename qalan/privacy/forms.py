from django import forms
from django.utils.translation import gettext_lazy as _

from qalan.privacy.models import Inquiry


class InquiryForm(forms.ModelForm):
    confirm_sensitive = forms.BooleanField(
        label=_("I confirm: save this text as confidential (it is never shown to other users)."), required=False
    )

    class Meta:
        model = Inquiry
        fields = ["name", "contact", "topic", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"contact": _("Where the answer should go. We use it only to answer you.")}


class GuardianConsentForm(forms.Form):
    guardian_name = forms.CharField(label=_("Your full name"), max_length=150)
    relationship = forms.ChoiceField(
        label=_("You are the child's"),
        choices=[("parent", _("Parent")), ("representative", _("Legal representative (guardian)"))],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "As the parent or legal representative, I consent to the processing of my child's personal data under the Privacy Policy."
        ),
        required=False,
    )


class GuardianCodeForm(forms.Form):
    username = forms.CharField(label=_("Your child's username"), max_length=40)
    code = forms.CharField(
        label=_("Code from the message"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


class GuardianResendForm(forms.Form):
    guardian_contact = forms.CharField(label=_("Parent's mobile number or e-mail"), max_length=254)
