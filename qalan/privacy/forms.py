from django import forms
from django.utils.translation import gettext_lazy as _

from qalan.privacy.models import Inquiry


class InquiryForm(forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = ["name", "contact", "topic", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"contact": _("Where the answer should go. We use it only to answer you.")}
