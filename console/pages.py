"""The console's HTML, in French, rendered on the server with every value escaped.

No JavaScript: plain forms, so the pages work with the keyboard, a screen reader and a
strict Content-Security-Policy. Headings give the structure, every field has a label,
and a notice after an action is announced (``role="status"`` or ``"alert"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from actions.defaults import DEFAULT_TIME_ZONE
from actions.services.referral_answers import URGENCY_WORDS
from actions.services.referrals import (
    MAX_STAFF_MESSAGE_LENGTH,
    ReferralView,
    StaffMessageView,
)
from actions.services.staff_accounts import StaffView
from actions.store.referral_models import URGENCIES
from console.context import Conversation

LOCAL = ZoneInfo(DEFAULT_TIME_ZONE)
CHANNELS = {"socketio": "Chat web", "facebook": "Messenger", "rest": "API REST"}
STATUSES = {"open": "Nouvelle", "in_progress": "En cours", "closed": "Clôturée"}
# After an action (?notice=…): the role that announces it, and the text.
NOTICES = {
    "sent": ("status", "Votre réponse a été transmise au patient."),
    "not_delivered": (
        "alert",
        "Votre réponse est enregistrée mais n'a pas pu être transmise : Hygie ne "
        "répond pas. Réessayez plus tard, ou contactez le patient autrement.",
    ),
    "empty": ("alert", "Le message est vide : rien n'a été envoyé."),
    "too_long": (
        "alert",
        f"Le message dépasse {MAX_STAFF_MESSAGE_LENGTH} caractères : rien n'a été "
        "envoyé.",
    ),
    "closed": (
        "status",
        "Demande clôturée. Hygie a repris la conversation et l'a dit au patient.",
    ),
    "closed_not_told": (
        "alert",
        "Demande clôturée, mais le patient n'a pas pu en être prévenu : Hygie ne "
        "répond pas.",
    ),
    "already_closed": ("alert", "Cette demande est déjà clôturée."),
}
LOGIN_FAILED = "Identifiant ou mot de passe incorrect."


def layout(title: str, body: str, staff: StaffView | None = None) -> str:
    """A whole page: skip link, header (with sign-out when signed in), main."""
    account = ""
    if staff is not None:
        account = (
            f'<p class="account">Connecté·e : {escape(staff.display_name)}</p>'
            '<form method="post" action="/logout" class="logout">'
            '<button type="submit">Se déconnecter</button></form>'
        )
    return (
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} — Console Hygie</title>"
        '<link rel="stylesheet" href="/static/console.css"></head><body>'
        '<a class="skip" href="#contenu">Aller au contenu</a>'
        '<header><p class="brand"><a href="/">Console Hygie</a></p>'
        f"{account}</header>"
        f'<main id="contenu" tabindex="-1">{body}</main></body></html>'
    )


def login_page(failed: bool = False, username: str = "") -> str:
    """The sign-in form; after a failure, one generic message."""
    error = ""
    if failed:
        error = f'<p class="notice alert" role="alert">{escape(LOGIN_FAILED)}</p>'
    body = (
        "<h1>Connexion du personnel</h1>"
        f"{error}"
        '<form method="post" action="/login" class="login">'
        '<label for="username">Identifiant</label>'
        '<input id="username" name="username" autocomplete="username" required '
        f'autocapitalize="none" spellcheck="false" value="{escape(username)}">'
        '<label for="password">Mot de passe</label>'
        '<input id="password" name="password" type="password" required '
        'autocomplete="current-password">'
        '<button type="submit">Se connecter</button></form>'
    )
    return layout("Connexion", body)


def list_page(referrals: list[ReferralView], now: datetime, staff: StaffView) -> str:
    """The open referrals, one section per urgency, oldest first in each."""
    sections = []
    for urgency in URGENCIES:
        group = [r for r in referrals if r.urgency == urgency]
        heading = f"{urgency_label(urgency)} ({len(group)})"
        if group:
            items = "".join(_referral_item(r, now) for r in group)
            content = f'<ul class="referrals">{items}</ul>'
        else:
            content = "<p>Aucune demande.</p>"
        sections.append(
            f'<section aria-labelledby="u-{urgency}"><h2 id="u-{urgency}">'
            f"{escape(heading)}</h2>{content}</section>"
        )
    body = f"<h1>Demandes en attente ({len(referrals)})</h1>{''.join(sections)}"
    return layout("Demandes en attente", body, staff)


def referral_page(
    referral: ReferralView,
    conversation: Conversation,
    messages: list[StaffMessageView],
    notice: str | None,
    now: datetime,
    staff: StaffView,
) -> str:
    """One referral: its details, the conversation, the replies, reply and close."""
    title = f"Demande n° {referral.id}"
    parts = [f"<h1>{escape(title)} — {escape(urgency_label(referral.urgency))}</h1>"]
    if notice in NOTICES:
        role, text = NOTICES[notice]
        parts.append(f'<p class="notice {role}" role="{role}">{escape(text)}</p>')
    parts.append(_details(referral, now))
    parts.append(_conversation(conversation))
    parts.append(_replies(messages))
    if referral.active:
        parts.append(_actions(referral))
    else:
        closed = local_time(referral.closed_at) if referral.closed_at else ""
        parts.append(f"<p>Demande clôturée {escape(closed)}.</p>")
    parts.append('<p><a href="/">← Retour aux demandes</a></p>')
    return layout(title, "".join(parts), staff)


def urgency_label(urgency: str) -> str:
    """"Aujourd'hui si possible", "Dans les prochains jours", "Pas pressé"."""
    words = URGENCY_WORDS.get(urgency, urgency)
    return words[:1].upper() + words[1:]


def patient_ref(patient_id: str) -> str:
    """A short pseudonymous reference of the patient (no name exists)."""
    return f"P-{patient_id[:8].upper()}"


def local_time(instant: datetime | None) -> str:
    """``29/03/2026 10:00`` in the practice's time zone."""
    if instant is None:
        return ""
    return instant.astimezone(LOCAL).strftime("%d/%m/%Y %H:%M")


def age(instant: datetime, now: datetime) -> str:
    """How long ago: "il y a 5 min", "il y a 3 h", "il y a 2 j"."""
    minutes = max(0, int((now - instant).total_seconds() // 60))
    if minutes < 1:
        return "à l'instant"
    if minutes < 60:
        return f"il y a {minutes} min"
    if minutes < 48 * 60:
        return f"il y a {minutes // 60} h"
    return f"il y a {minutes // (24 * 60)} j"


def _referral_item(referral: ReferralView, now: datetime) -> str:
    status = STATUSES[referral.status]
    if referral.assigned_name:
        status += f" ({referral.assigned_name})"
    return (
        f'<li><h3><a href="/referrals/{referral.id}">Demande n° {referral.id}</a>'
        f" — {escape(patient_ref(referral.patient_id))}</h3>"
        f'<p class="reason">{escape(referral.reason)}</p>'
        + _dl(
            [
                ("Contact", referral.contact),
                ("Canal", CHANNELS.get(referral.channel, referral.channel)),
                ("Reçue", _received(referral, now)),
                ("Statut", status),
            ]
        )
        + "</li>"
    )


def _details(referral: ReferralView, now: datetime) -> str:
    return "<h2>La demande</h2>" + _dl(
        [
            ("Patient", patient_ref(referral.patient_id)),
            ("Ses mots", referral.reason),
            ("Urgence", urgency_label(referral.urgency)),
            ("Contact", referral.contact),
            ("Canal", CHANNELS.get(referral.channel, referral.channel)),
            ("Reçue", _received(referral, now)),
            ("Statut", STATUSES[referral.status]),
            ("Prise en charge", referral.assigned_name or "personne pour l'instant"),
        ]
    )


def _conversation(conversation: Conversation) -> str:
    heading = "<h2>Conversation avec Hygie</h2>"
    if conversation.error:
        return heading + (
            '<p class="notice alert" role="alert">La conversation n\'a pas pu être '
            f"lue : Hygie ne répond pas ({escape(conversation.error)}).</p>"
        )
    if not conversation.lines:
        return heading + "<p>Aucun message.</p>"
    items = []
    for line in conversation.lines:
        who = "Patient" if line.speaker == "patient" else "Hygie"
        when = ""
        if line.at is not None:
            when = (
                f' <time datetime="{line.at.isoformat()}">{local_time(line.at)}</time>'
            )
        items.append(
            f'<li class="{line.speaker}"><p class="meta"><strong>{who}</strong>'
            f'{when}</p><p class="text">{escape(line.text)}</p></li>'
        )
    return heading + f'<ol class="transcript">{"".join(items)}</ol>'


def _replies(messages: list[StaffMessageView]) -> str:
    heading = "<h2>Réponses de l'équipe</h2>"
    if not messages:
        return heading + "<p>Aucune réponse pour l'instant.</p>"
    items = []
    for message in messages:
        if message.delivered_at is not None:
            state = f"transmise le {local_time(message.delivered_at)}"
        elif message.delivery_error:
            state = f"non transmise ({message.delivery_error})"
        else:
            state = "en cours de transmission"
        items.append(
            f'<li><p class="meta"><strong>{escape(message.staff_name)}</strong>, '
            f"{local_time(message.created_at)} — {escape(state)}</p>"
            f'<p class="text">{escape(message.text)}</p></li>'
        )
    return heading + f'<ul class="replies">{"".join(items)}</ul>'


def _actions(referral: ReferralView) -> str:
    return (
        "<h2>Répondre</h2>"
        f'<form method="post" action="/referrals/{referral.id}/reply">'
        '<label for="reply">Votre message au patient</label>'
        '<p id="reply-hint" class="hint">Le patient le lit dans sa conversation avec '
        f"Hygie, signé de votre nom. {MAX_STAFF_MESSAGE_LENGTH} caractères au plus."
        "</p>"
        '<textarea id="reply" name="text" rows="5" required '
        f'maxlength="{MAX_STAFF_MESSAGE_LENGTH}" aria-describedby="reply-hint">'
        "</textarea>"
        '<button type="submit">Envoyer la réponse</button></form>'
        "<h2>Clôturer</h2>"
        f'<form method="post" action="/referrals/{referral.id}/close">'
        '<p id="close-hint" class="hint">Hygie reprend alors la conversation et le dit '
        "au patient.</p>"
        '<button type="submit" aria-describedby="close-hint">Clôturer la demande'
        "</button></form>"
    )


def _received(referral: ReferralView, now: datetime) -> str:
    return f"{age(referral.created_at, now)} ({local_time(referral.created_at)})"


def _dl(rows: Iterable[tuple[str, str]]) -> str:
    items = "".join(
        f"<dt>{escape(term)}</dt><dd>{escape(value)}</dd>" for term, value in rows
    )
    return f"<dl>{items}</dl>"
