"""Support reads: a person's own tickets; support staff see every ticket. Outsiders get 404."""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404

from qalan.accounts.models import Role
from qalan.support.models import Ticket


def is_support(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(Role.SUPPORT))


def tickets_for(*, viewer) -> QuerySet[Ticket]:
    """The viewer's own tickets; for support staff, every ticket."""
    if viewer is None or not viewer.is_authenticated:
        return Ticket.objects.none()
    tickets = Ticket.objects.select_related("user")
    return tickets if is_support(viewer) else tickets.filter(user=viewer)


def ticket_queue(*, viewer) -> QuerySet[Ticket]:
    """The support queue, oldest waiting first: support staff only (anyone else: 404)."""
    if not is_support(viewer):
        raise Http404
    waiting = Case(
        When(status=Ticket.Status.OPEN, then=Value(0)),
        When(status=Ticket.Status.ANSWERED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return tickets_for(viewer=viewer).annotate(waiting=waiting).order_by("waiting", "updated_at", "id")


def ticket_get(*, viewer, ticket_id: int) -> Ticket:
    ticket = tickets_for(viewer=viewer).filter(pk=ticket_id).first()
    if ticket is None:
        raise Http404
    return ticket
