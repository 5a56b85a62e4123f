"""``disclosure_map`` answers like ``privacy.selectors.disclosure_allowed`` for many students at once."""

import pytest

from qalan.core.consent import ConsentChannel
from qalan.learning.selectors import disclosure_map
from qalan.privacy.selectors import disclosure_allowed
from qalan.privacy.services import consent_give, consent_withdraw

pytestmark = pytest.mark.django_db


def test_bulk_disclosure_agrees_with_the_privacy_selector(make_student):
    default = make_student("default-kid")
    withdrawn = make_student("withdrawn-kid")
    consent_withdraw(user=withdrawn, actor=withdrawn, purpose="disclosure", channel=ConsentChannel.WEB)
    regiven = make_student("regiven-kid")
    consent_withdraw(user=regiven, actor=regiven, purpose="disclosure", channel=ConsentChannel.WEB)
    consent_give(user=regiven, actor=regiven, purpose="disclosure", channel=ConsentChannel.WEB, evidence={})
    no_platform = make_student("no-platform-kid")
    consent_withdraw(user=no_platform, actor=no_platform, purpose="platform", channel=ConsentChannel.WEB)
    users = [default, withdrawn, regiven, no_platform]
    expected = {u.pk: disclosure_allowed(student=u) for u in users}
    assert disclosure_map(u.pk for u in users) == expected
    assert expected == {default.pk: True, withdrawn.pk: False, regiven.pk: True, no_platform.pk: False}
