"""In-app notifications, the preference centre and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from qalan.notify import services
from qalan.notify.forms import PreferenceForm
from qalan.notify.models import OutboxMessage


@login_required
def inbox(request):
    """The user's in-app notifications; opening the page marks them read."""
    items = list(
        OutboxMessage.objects.filter(user=request.user, channel=OutboxMessage.Channel.INAPP).order_by("-created_at")[
            :100
        ]
    )
    OutboxMessage.objects.filter(user=request.user, channel=OutboxMessage.Channel.INAPP, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(request, "notify/inbox.html", {"items": items})


@login_required
def preferences(request):
    preference = services.preference_for(request.user)
    initial = {
        "marketing": services.marketing_consent(request.user),
        "marketing_email": preference.marketing_email,
        "marketing_sms": preference.marketing_sms,
        "security_email": preference.security_email,
    }
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preference_update(actor=request.user, user=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notify:preferences")
    return render(request, "notify/preferences.html", {"form": form})


@csrf_exempt  # mail clients post here without a session (RFC 8058); the signed token is the proof
def unsubscribe(request, token: str):
    try:
        user = services.unsubscribe_user(token)
    except signing.BadSignature:
        return render(request, "notify/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(token=token, via="one-click header" if one_click else "unsubscribe page")
        if one_click:
            return HttpResponse(status=200)
        return render(request, "notify/unsubscribe.html", {"done": True})
    # GET shows a button: link scanners that open links must not unsubscribe anybody.
    return render(request, "notify/unsubscribe.html", {"subscribed": services.marketing_consent(user)})
