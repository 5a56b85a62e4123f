from django import forms
from django.utils.translation import gettext_lazy as _


class PreferenceForm(forms.Form):
    marketing = forms.BooleanField(label=_("I want news and offers from Qalan"), required=False)
    marketing_email = forms.BooleanField(label=_("by e-mail"), required=False)
    marketing_sms = forms.BooleanField(label=_("by SMS"), required=False)
    security_email = forms.BooleanField(label=_("Send security notices to my e-mail as well"), required=False)
