"""How pressing a request to the care team is, and how to answer it, from the
patient's words ("c'est urgent", "pas pressé", "rappelez-moi au 06 12 34 56 78").

Pure: no Rasa, no database access.
"""

from __future__ import annotations

import re
from typing import Optional

from actions.services.practitioner_choice import fold
from actions.store.referral_models import URGENCIES

__all__ = ["URGENCIES", "URGENCY_WORDS", "HERE", "read_contact", "read_urgency"]

# In French, for the patient and the console.
URGENCY_WORDS = {
    "urgent": "aujourd'hui si possible",
    "soon": "dans les prochains jours",
    "routine": "pas pressé",
}
_ROUTINE = re.compile(
    r"\b(pas (tres |trop |si )?(presse|urgent|grave)|rien (de |d )?(presse|urgent)|"
    r"quand (vous|ils|elle|il) (pouvez|voulez|pourrez|peut|veut|peuvent|veulent)|pas de rush|tranquille|prenez (votre|le) temps|"
    r"n importe quand|peu importe)\b"
)
_SOON = re.compile(
    r"\b(prochains? jours?|cette semaine|la semaine|bientot|dans (la|les) (semaine|jours)|"
    r"demain|d ici (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|quelques jours|la fin))\b"
)
_URGENT = re.compile(
    r"\b(urgent\w*|urgence|vite|rapidement|aujourd hui|ajd|tout de suite|maintenant|"
    r"asap|au plus tot|le plus tot|des que possible|ce matin|ce soir|cet apres midi|presse)\b"
)
_PHONE = re.compile(r"(?:\+33\s?|0033\s?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b")
_HERE = re.compile(
    r"\b(ici|chat|conversation|messagerie|messenger|par (message|ecrit|sms)|en ligne|"
    r"sur (le|ce) (site|chat|fil)|ecrivez|repondez moi ici)\b"
)
HERE = "ici, dans la conversation"


def read_urgency(text: str) -> Optional[str]:
    """``urgent``, ``soon`` or ``routine`` from the patient's words, else None.

    "Pas urgent" is read before "urgent", so the negation wins.
    """
    folded = fold(text)
    for urgency, pattern in (("routine", _ROUTINE), ("soon", _SOON), ("urgent", _URGENT)):
        if pattern.search(folded):
            return urgency
    return None


def read_contact(text: str) -> Optional[str]:
    """How to answer: a phone number as written ("téléphone : 06 12 34 56 78") or here."""
    phone = _PHONE.search(text or "")
    if phone:
        return f"par téléphone au {phone.group(0).strip()}"
    if _HERE.search(fold(text)):
        return HERE
    return None
