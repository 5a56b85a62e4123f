"""Special categories of personal data (P3.4): the platform never asks for them, and warns
before saving free text that looks like health, religion, ethnicity, political views, sex life
or criminal records — in Kazakh, Russian and English. The person may edit the text or confirm;
confirmed text is marked confidential (hidden from peers, left out of analytics).

Word stems, matched on word boundaries and case-insensitively. Stems likely in ordinary school
talk are avoided on purpose (e.g. Kazakh «ұлттық» as in «ҰБТ», Russian «рак» as a crayfish).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CATEGORIES = {
    "health": _("health"),
    "religion": _("religion or beliefs"),
    "ethnicity": _("ethnic origin"),
    "political": _("political opinions"),
    "sex_life": _("sex life"),
    "criminal": _("criminal records"),
}

_STEMS = {
    "health": [
        # en
        r"diagnos\w*",
        r"disease\w*",
        r"illness\w*",
        r"disabilit\w*",
        r"hiv",
        r"aids",
        r"cancer",
        r"diabet\w*",
        r"epilep\w*",
        r"autis\w*",
        r"depressi\w*",
        r"pregnan\w*",
        r"medication\w*",
        r"psychiatr\w*",
        r"asthma\w*",
        # ru
        r"диагноз\w*",
        r"болезн\w*",
        r"заболева\w*",
        r"инвалид\w*",
        r"вич",
        r"спид",
        r"диабет\w*",
        r"эпилепс\w*",
        r"аутизм\w*",
        r"депресси\w*",
        r"беремен\w*",
        r"психиатр\w*",
        r"астм\w*",
        r"онколог\w*",
        # kk
        r"ауруым\w*",
        r"ауырамын",
        r"мүгедек\w*",
        r"қант\s+диабет\w*",
        r"жүкті\w*",
        r"дәрі-дәрмек\w*",
    ],
    "religion": [
        r"muslim\w*",
        r"christian\w*",
        r"jewish",
        r"buddhis\w*",
        r"atheis\w*",
        r"religio\w*",
        r"mosque\w*",
        r"church\w*",
        r"мусульман\w*",
        r"христиан\w*",
        r"православ\w*",
        r"иуде\w*",
        r"буддис\w*",
        r"атеис\w*",
        r"религи\w*",
        r"мечет\w*",
        r"церк\w*",
        r"намаз\w*",
        r"мұсылман\w*",
        r"дінім\w*",
        r"дінге",
        r"мешіт\w*",
        r"шіркеу\w*",
        r"ислам\w*",
    ],
    "ethnicity": [
        r"ethnic\w*",
        r"racial",
        r"by nationality",
        r"my nationality",
        r"национальност\w*",
        r"по национальности",
        r"этническ\w*",
        r"расов\w*",
        r"ұлтым\w*",
        r"ұлты\s+\w+",
        r"этникалық\w*",
    ],
    "political": [
        r"political\w*",
        r"party member\w*",
        r"opposition\w*",
        r"protest\w*",
        r"voted for",
        r"политическ\w*",
        r"оппозици\w*",
        r"митинг\w*",
        r"голосовал\w*",
        r"член\w* партии",
        r"саяси\w*",
        r"оппозиция\w*",
        r"партия\s+мүше\w*",
    ],
    "sex_life": [
        r"sexual\w*",
        r"gay",
        r"lesbian\w*",
        r"bisexual\w*",
        r"transgender\w*",
        r"sex life",
        r"сексуальн\w*",
        r"гей",
        r"лесби\w*",
        r"бисексуал\w*",
        r"трансгендер\w*",
        r"интимн\w*",
        r"жыныстық\w*",
    ],
    "criminal": [
        r"criminal record\w*",
        r"convicted",
        r"conviction\w*",
        r"prison\w*",
        r"jail\w*",
        r"arrested",
        r"судимост\w*",
        r"судим",
        r"осужд\w*",
        r"тюрьм\w*",
        r"арестова\w*",
        r"уголовн\w*",
        r"сотталған\w*",
        r"түрме\w*",
        r"қылмыс\w*",
    ],
}
_PATTERNS = {
    category: re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")(?!\w)", re.IGNORECASE)
    for category, stems in _STEMS.items()
}


def sensitive_categories(text: str) -> list[str]:
    """The special categories a text seems to mention, in a stable order."""
    if not text:
        return []
    return [category for category, pattern in _PATTERNS.items() if pattern.search(text)]


def sensitive_check(*, field: str, text: str, confirmed: bool) -> bool:
    """Raise a warning (ValidationError, code "sensitive") for unconfirmed sensitive text.
    Returns whether the saved text must be marked confidential."""
    found = sensitive_categories(text)
    if not found:
        return False
    if confirmed:
        return True
    names = ", ".join(str(CATEGORIES[c]) for c in found)
    raise ValidationError(
        {
            field: [
                ValidationError(
                    _(
                        "This text may contain sensitive information (%(categories)s). We do not need it. "
                        "Edit the text, or tick the confirmation box to save it as confidential."
                    )
                    % {"categories": names},
                    code="sensitive",
                )
            ]
        }
    )
