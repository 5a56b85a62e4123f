"""Special categories (P3.4): never asked for; free text that looks sensitive is warned about
before saving and, when confirmed, kept confidential."""

import pytest
from django.urls import reverse

from qalan.accounts.forms import ProfileForm, RegistrationForm
from qalan.accounts.models import Profile
from qalan.core.sensitive import sensitive_categories
from qalan.privacy.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I have diabetes and take insulin", "health"),
        ("У меня инвалидность второй группы", "health"),
        ("Менің қант диабетім бар", "health"),
        ("I am a practising Muslim", "religion"),
        ("Я православный христианин", "religion"),
        ("Мен мешітке барамын", "religion"),
        ("По национальности я уйгур", "ethnicity"),
        ("Менің ұлтым дүнген", "ethnicity"),
        ("My father is an opposition party member", "political"),
        ("Я участвовал в митинге", "political"),
        ("Ол саяси белсенді", "political"),
        ("I am gay", "sex_life"),
        ("Моя сексуальная ориентация", "sex_life"),
        ("My brother has a criminal record", "criminal"),
        ("Отец сидел в тюрьме", "criminal"),
        ("Ағам түрмеде отыр", "criminal"),
    ],
)
def test_sensitive_text_is_detected_in_three_languages(text, category):
    assert category in sensitive_categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I love geometry and fractions",
        "Я готовлюсь к ЕНТ по математике",
        "ҰБТ-ға дайындаламын, ұлттық тестке",
        "Мы ловили рака на озере",
        "Менің сүйікті пәнім — алгебра",
        "",
    ],
)
def test_ordinary_school_text_is_not_flagged(text):
    assert sensitive_categories(text) == []


def test_no_form_asks_for_special_categories():
    forbidden = {"religion", "ethnicity", "nationality", "health", "political", "criminal", "sexual", "race"}
    fields = set(RegistrationForm.base_fields) | set(ProfileForm.base_fields)
    assert not {f for f in fields if any(word in f for word in forbidden)}


def test_profile_about_warns_before_saving_and_saves_nothing(alice_api, alice):
    response = alice_api.patch("/api/v1/me", {"about": "I have epilepsy"}, format="json")
    assert response.status_code == 400
    assert "sensitive information (health)" in response.json()["errors"]["about"][0]
    assert Profile.objects.get(user=alice).about == ""


def test_confirmed_sensitive_about_is_saved_as_confidential(alice_api, alice):
    response = alice_api.patch("/api/v1/me", {"about": "I have epilepsy", "confirm_sensitive": True}, format="json")
    assert response.status_code == 200
    profile = Profile.objects.get(user=alice)
    assert profile.about == "I have epilepsy" and profile.about_confidential


def test_editing_the_text_to_something_ordinary_clears_the_mark(alice_api, alice):
    alice_api.patch("/api/v1/me", {"about": "I have epilepsy", "confirm_sensitive": True}, format="json")
    alice_api.patch("/api/v1/me", {"about": "I like chess"}, format="json")
    assert not Profile.objects.get(user=alice).about_confidential


def test_web_profile_shows_the_warning_and_the_confirmation_box(client, alice):
    client.force_login(alice)
    page = client.post(reverse("accounts:profile"), {"about": "Я православный"}).content.decode()
    assert "sensitive information" in page and 'name="confirm_sensitive"' in page
    assert Profile.objects.get(user=alice).about == ""
    client.post(reverse("accounts:profile"), {"about": "Я православный", "confirm_sensitive": "on"})
    assert Profile.objects.get(user=alice).about_confidential


def test_contact_message_is_checked_too(client):
    data = {
        "name": "A",
        "contact": "a@example.kz",
        "topic": "question",
        "message": "My son has autism, what do you store?",
    }
    page = client.post(reverse("privacy:contact"), data).content.decode()
    assert "sensitive information (health)" in page
    assert not Inquiry.objects.exists()
    client.post(reverse("privacy:contact"), {**data, "confirm_sensitive": "on"})
    assert Inquiry.objects.get().confidential
