"""Web forms. They only parse input; the rules live in ``services`` so web and API agree."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from qalan.accounts.models import SELF_SERVICE_ROLES, Profile, RecoveryCode
from qalan.accounts.services import REGISTRATION_CONSENT_TEXT


class RegistrationForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=40, help_text=_("3 to 40 letters, digits or @ . + - _"))
    phone = forms.CharField(
        label=_("Phone number"), max_length=32, help_text=_("A Kazakhstan mobile number, e.g. +7 701 123 45 67")
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"), required=False, help_text=_("For password recovery by e-mail.")
    )
    role = forms.ChoiceField(label=_("Your role"), choices=[(r.value, r.label) for r in SELF_SERVICE_ROLES])
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Required for students. Children under 14 need a parent's consent."),
    )
    guardian_contact = forms.CharField(
        label=_("Parent's mobile number or e-mail (under 14)"),
        max_length=254,
        required=False,
        help_text=_("We send your parent a link to give consent. Only for students under 14."),
    )
    guardian_agreed = forms.BooleanField(label=_("My parent agreed that Qalan contacts them."), required=False)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=_("At least 8 characters; not only digits and not a common password."),
    )
    password_confirm = forms.CharField(
        label=_("Repeat the password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), strip=False
    )
    # Unticked by default and never pre-filled: consent must be an explicit act (P2.1.a).
    consent = forms.BooleanField(label=gettext_lazy(REGISTRATION_CONSENT_TEXT), required=False)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_confirm") and data["password"] != data["password_confirm"]:
            self.add_error("password_confirm", _("The two passwords differ. Type the same password twice."))
        return data


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=40, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class ProfileForm(forms.ModelForm):
    email = forms.EmailField(label=_("E-mail"), required=False)
    confirm_sensitive = forms.BooleanField(
        label=_("I confirm: save this text as confidential (it is never shown to other users)."), required=False
    )

    class Meta:
        model = Profile
        fields = ["full_name", "grade", "school", "birth_date", "about", "language"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}), "about": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "about": _("Optional. Do not write about health, religion, ethnicity, political views or similar."),
            "grade": _("1 to 11"),
        }


class AvatarForm(forms.Form):
    avatar = forms.FileField(label=_("Photo or avatar"), help_text=_("JPEG, PNG, WebP or GIF, up to 2 MB."))


class RecoveryRequestForm(forms.Form):
    identifier = forms.CharField(label=_("Username or phone number"), max_length=40)
    channel = forms.ChoiceField(
        label=_("Send the code by"),
        choices=RecoveryCode.Channel.choices,
        initial=RecoveryCode.Channel.SMS,
        widget=forms.RadioSelect,
    )


class RecoveryConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the message"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    new_password = forms.CharField(
        label=_("New password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )


class PasswordChangeForm(forms.Form):
    current_password = forms.CharField(
        label=_("Current password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    new_password = forms.CharField(
        label=_("New password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_password(self):
        value = self.cleaned_data["current_password"]
        if not self.user.check_password(value):
            raise ValidationError(_("The current password is wrong."))
        return value


class PhoneChangeForm(forms.Form):
    new_phone = forms.CharField(
        label=_("New phone number"), max_length=32, help_text=_("A Kazakhstan mobile number, e.g. +7 701 123 45 67")
    )


class PhoneConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class OTPCodeForm(forms.Form):
    """A code from the authenticator app; on the sign-in step a recovery code is accepted too."""

    code = forms.CharField(
        label=_("Code from the authenticator app"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )
