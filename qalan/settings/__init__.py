"""Qalan settings: every value comes from the environment; production refuses unsafe ones.

Profiles (QALAN_ENV): ``development`` (default: SQLite, DEBUG, demo data allowed),
``test`` (used by the test suite) and ``production`` (checked by ``checks.refuse_unsafe_production``).

The settings are one module split by concern; each part reads what it needs of the parts before
it: ``base`` (profile, apps, middleware, database, cache and Celery, sign-in, uploads, languages,
static files, e-mail and SMS), ``web`` (API, security headers and cookies, logs), ``policy``
(request deadlines, breach register, audit keys, data lifecycle, operator), ``serving``
(production serving) and ``checks`` (what production refuses).
"""

# Each part star-imports the one before it (base < web < policy < serving), so the last holds
# every setting, with the values the later parts gave them.
from qalan.settings.checks import refuse_unsafe_production
from qalan.settings.serving import *

if PRODUCTION:
    refuse_unsafe_production()
