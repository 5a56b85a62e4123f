"""Hooks: how a lower layer has something done, or asks something, that a higher layer knows.

A module imports only from its own app and the layers below (README, "Layout and layers"). When
a lower app needs a higher one — an account is created and the privacy app must record the
consent; the outbox must know whether marketing consent is in force — the lower app sends one
of these signals and the higher app connects a receiver in its ``AppConfig.ready``. Receivers
run synchronously, in the sender's transaction, and their exceptions propagate (a refused
consent aborts the registration).

Two kinds:

- events (``account_registered``, ``consent_change_requested``, ``language_chosen``): something
  happened or must happen; the receivers act.
- questions (the rest): the receivers answer; ``ask`` takes the first answer that is not None
  (else the default: what is true when no app answers), ``gather`` merges the dicts they return
  (page sections that another app adds to a page).
"""

from typing import Any

from django.dispatch import Signal

# -- events -------------------------------------------------------------------------------

#: accounts: a person registered. ``user``, ``channel``, ``minor`` (under the consent age),
#: ``guardian_contact`` (a minor's parent, cleaned), ``evidence`` (what the form showed).
#: privacy records the platform consent, or for a minor asks the parent.
account_registered = Signal()

#: notify (preference centre, one-click unsubscribe): give (``given=True``) or withdraw a
#: consent. ``user``, ``actor``, ``purpose``, ``given``, ``channel``, ``evidence``.
#: privacy writes it to the consent ledger.
consent_change_requested = Signal()

#: accounts (profile): the person chose a language. ``request``, ``response``, ``language``.
#: web sets the language cookie, for as long as the cookie choice allows.
language_chosen = Signal()

# -- questions ----------------------------------------------------------------------------

#: ``user``, ``purpose`` -> True when that consent is in force (privacy). Default False.
consent_in_force = Signal()

#: ``purpose`` -> ids of users who ever gave that consent (privacy): a newsletter's audience
#: before each message checks the consent in force. Default: nobody.
consent_holders = Signal()

#: -> the policy version in force, for pages that show it (privacy). Default None.
policy_current = Signal()

#: ``viewer``, ``child_id`` -> the child the viewer is the linked parent of (schools); the
#: receiver raises Http404 for anybody else. Default None (the caller answers 404).
guardian_child = Signal()

#: ``viewer`` -> schools that are separate operators for the viewer (schools). Default [].
separate_operators = Signal()

#: ``user`` -> when a "delete my account" request's cool-off ends, or None (rights): the
#: erasure engine (lifecycle) does not erase before it.
erasure_cool_off_ends = Signal()

#: page sections: the receivers return context for the page (gather).
#: ``viewer``, ``school_class``, ``is_teacher`` -> class page (schools) sections from learning.
class_page = Signal()
#: ``viewer``, ``task`` -> task page (learning) sections from community.
task_page = Signal()
#: ``viewer`` -> teacher dashboard (learning) sections from community.
teacher_dashboard = Signal()


def ask(signal: Signal, *, sender: str, default: Any = None, **kwargs) -> Any:
    """The first answer that is not None, else ``default``."""
    for _receiver, answer in signal.send(sender=sender, **kwargs):
        if answer is not None:
            return answer
    return default


def gather(signal: Signal, *, sender: str, **kwargs) -> dict:
    """The receivers' dicts merged (page sections)."""
    merged: dict = {}
    for _receiver, answer in signal.send(sender=sender, **kwargs):
        merged.update(answer or {})
    return merged
