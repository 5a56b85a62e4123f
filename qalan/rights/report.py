"""The P6.1 information report, built from the personal-data inventory and the user's actual rows:
the fact of processing, the data, sources, purposes, terms and methods, the operator, recipients."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qalan.core.inventory import Category, Declaration, Erasure, LegalBasis, Purpose, Retention, Source, declarations


@dataclass
class ReportSection:
    """One kind of record the operator holds about the person, described by its declaration."""

    model: str
    title: str
    description: str
    records: int
    categories: list[str]
    fields: list[tuple[str, str]]
    purposes: list[str]
    legal_basis: str
    source: str
    retention: str
    erasure: str
    recipients: list = field(default_factory=list)


# Recipients on the platform itself (other users, staff) that declarations may name besides the
# register's organisations: shown by role, since their names are in "Who sees my data".
IN_PLATFORM_RECIPIENTS = {
    "teacher": gettext_lazy("Your teachers on the platform"),
    "parent": gettext_lazy("Your linked parents or legal representatives"),
    "support": gettext_lazy("The operator's support staff"),
    "dpo": gettext_lazy("The operator's data protection officer"),
}


def _recipients_by_slug() -> dict:
    """Register entries by code, plus the in-platform roles (a declaration's free text is shown
    as written)."""
    from qalan.rights.models import Recipient

    found: dict = {slug: str(label) for slug, label in IN_PLATFORM_RECIPIENTS.items()}
    found.update({r.slug: r for r in Recipient.objects.all()})
    return found


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # an inventory name the model lost: the inventory test reports it
        return name


def section_for(declaration: Declaration, *, records: int, recipients: dict) -> ReportSection:
    model = declaration.model_class
    return ReportSection(
        model=declaration.model,
        title=str(model._meta.verbose_name_plural).capitalize(),
        description=str(declaration.description),
        records=records,
        categories=[str(c.label) for c in declaration.categories],
        fields=[
            (_field_label(model, name), str(Category(category).label))
            for name, category in declaration.fields.items()
            if category != Category.NONE
        ],
        purposes=[str(Purpose(p).label) for p in declaration.purposes],
        legal_basis=str(LegalBasis(declaration.legal_basis).label),
        source=str(Source(declaration.source).label),
        retention=str(Retention(declaration.retention).label),
        erasure=str(Erasure(declaration.erasure).label),
        recipients=[recipients.get(slug, slug) for slug in declaration.recipients],
    )


def data_sections(user) -> list[ReportSection]:
    """Every declared kind of record that holds rows about ``user`` (one count query each)."""
    recipients = _recipients_by_slug()
    sections = []
    for declaration in declarations():
        if not declaration.subjects:
            continue
        records = declaration.rows_for(user).count()
        if records:
            sections.append(section_for(declaration, records=records, recipients=recipients))
    return sections


def processing_methods() -> str:
    return _(
        "Automated processing on the platform's servers, and processing by authorised staff who need the data "
        "for their duties. The actions are: collection, recording, systematisation, storage, updating, "
        "extraction, use, transfer to the recipients listed, depersonalisation, blocking, deletion and "
        "destruction (policy, section 1)."
    )


def information_report(user) -> dict:
    """Everything P6.1 asks for, for one person, as a context for the templates."""
    from qalan.rights.selectors import disclosures_for, who_sees

    sections = data_sections(user)
    used = {}
    for section in sections:
        for recipient in section.recipients:
            used[getattr(recipient, "slug", recipient)] = recipient
    return {
        "subject": user,
        "generated_at": timezone.now(),
        "operator": settings.QALAN_OPERATOR,
        "data_region": settings.QALAN_DATA_REGION,
        "processed": bool(sections),
        "sections": sections,
        "methods": processing_methods(),
        "recipients": sorted(used.values(), key=lambda r: str(getattr(r, "name", r))),
        "disclosures": list(disclosures_for(viewer=user)),
        "people": who_sees(viewer=user),
    }


def information_report_text(user) -> str:
    """The report as plain text: the written answer to an information request."""
    return render_to_string("rights/information_report.txt", information_report(user)).strip()


def information_report_document(user) -> str:
    """The report as a self-contained HTML document to download and keep (no external files)."""
    return render_to_string("rights/information_report_document.html", information_report(user))
