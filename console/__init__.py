"""The staff console: professionals read and answer the patients' referrals.

A small aiohttp web app (``python -m console``) on the application database. Staff
sign in with an account made by ``python -m actions.staff add``; they see the open
referrals by urgency, read a patient's conversation (read from Rasa's HTTP API with
the token, which the browser never sees; every read is audited), reply (delivered
through Rasa as ``EXTERNAL_staff_reply``) and close (``EXTERNAL_handoff_closed``).
Pages are rendered on the server, escaped, with no JavaScript.
"""
