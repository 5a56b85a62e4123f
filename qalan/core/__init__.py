"""The core layer: what every app may use and which imports no app.

The personal-data inventory, contacts (phones, e-mails), one-time codes and tokens, the consent
vocabulary, the KZ business-day calendar, the API error shape, safe redirects, page messages,
the sensitive-text check, and the hooks (``core.hooks``) that lower layers fire and higher ones
handle. ``qalan.audit`` (the hash-chained audit log, an app because it owns a model) sits in
the same layer, just above this package.
"""
