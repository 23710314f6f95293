"""Consent to the processing of health data (GDPR art. 9): the notice's version.

The notice itself is patient-facing text (``utter_ask_consent`` in domain.yml); change
the version here whenever its wording changes, so each consent names what was agreed.
"""

NOTICE_VERSION = "2026-11-29.2"
