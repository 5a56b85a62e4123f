import pytest
from django.db import connection
from qalan.privacy.models import PolicyVersion

@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("i", [1, 2])
def test_dbg(i):
    c = getattr(connection, "_test_serialized_contents", None)
    print("HAS", c is not None, len(c or ""), "policyversion" in (c or ""), PolicyVersion.objects.count(), connection.settings_dict["NAME"])
