"""What a French patient says about a medication, read from one message.

``parse_medication_request`` reads a whole sentence ("1 comprimé de Levothyrox à
7h30 à jeun") into a :class:`MedicationRequest` whose missing parts are None, so a
form can ask for them. This is the one module callers import: it re-exports the
readers of each part, which live in ``medication_times`` (times of day),
``medication_recurrence`` (days), ``medication_duration`` (end date) and
``medication_intake`` (dose, how to take it). No Rasa import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, time

from actions.services.medication_duration import (
    Duration,
    parse_duration,
    scan_duration,
)
from actions.services.medication_intake import (
    parse_dose,
    parse_instruction,
    scan_dose,
    scan_instruction,
)
from actions.services.medication_recurrence import (
    Recurrence,
    parse_recurrence,
    scan_recurrence,
)
from actions.services.medication_times import (
    NUMBER_WORDS,
    FoldedText,
    Span,
    blank,
    compile_folded,
    fold,
    parse_times,
    scan_times,
)

__all__ = [
    "Duration",
    "MedicationRequest",
    "Recurrence",
    "parse_dose",
    "parse_duration",
    "parse_instruction",
    "parse_medication_request",
    "parse_recurrence",
    "parse_times",
]


@dataclass(frozen=True)
class MedicationRequest:
    """Everything a patient said about one medication; None where they said nothing.

    Attributes:
        name: The medication as written, with its strength ("doliprane 1000").
        dose: The normalised dose ("1 comprimé", "½ comprimé", "10 gouttes").
        times: Sorted times of day.
        recurrence: On which days.
        duration: Until when.
        instruction: How to take it ("à jeun", "pendant le repas").
    """

    name: str | None = None
    dose: str | None = None
    times: list[time] | None = None
    recurrence: Recurrence | None = None
    duration: Duration | None = None
    instruction: str | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the fields the patient did not give, in declaration order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name) is None)


# Words of a medication sentence that are never the medication's name.
_NOT_A_NAME = frozenset(
    """
    je j tu il elle on nous vous me m moi te t se s y en ne n pas plus que qu qui
    mon ma mes ton ta tes son sa ses notre nos votre vos le la les l un une des du de
    et ou a au aux pour par avec sans sur sous dans chez ce cet cette ces c est
    suis ai as avoir etre fait faire dois doit devez devoir faut prendre prends prend
    prenez prenne prennes pris prise prises rappel rappels rappelle rappelles rappelez
    rappeler rappeller souviens souvenir penser pense oublie oublier aide aider peux
    peut pouvez pourrais pourriez veux voudrais voulez souhaite aimerais programme
    programmer ajoute ajouter mets mettre mettez cree creer enregistre enregistrer
    note noter dis dire envoie envoyer message sms alarme alerte notification svp
    stp merci beaucoup bonjour bonsoir salut coucou oui non ok okay juste seulement
    si besoin cas comme habitude vers environ entre ensuite alors donc mais car
    medicament medicaments medoc medocs traitement traitements ordonnance medecin
    docteur prescrit prescription fois jour jours semaine semaines mois an ans annee
    heure heures h min minute minutes matin midi soir nuit chaque tous toutes tout ts
    tt demain aujourd hui maintenant puis aussi encore bien depuis partir jusqu
    jusque fin debut quand comprime comprimes gelule gelules cachet cachets goutte
    gouttes sachet sachets cuillere cuilleres dose doses mg g ml ug mcg ui repas eau
    verre grand jeun avant apres pendant coucher dormir manger lundi mardi mercredi
    jeudi vendredi samedi dimanche rappeliez rappelliez rappellerez rappelerez
    rappellera rappelera rappellerais pourrait pourrait faudrait voulais voudrait
    souhaiterais aimerai besoin nouveau nouvelle nouvel activer programmez ajoutez
    notez enregistrez mettiez creez gerer
    """.split()
) | frozenset(NUMBER_WORDS)
_DETERMINERS = frozenset(
    "de d' du des mon ma mes ton ta tes son sa ses notre nos "
    "votre vos le la les l'".split()
)
_TOKEN = compile_folded(r"[a-z0-9]+(?:'|[.,][0-9]+)?")
_STRENGTH = compile_folded(r"\d+(?:[.,]\d+)?(?:mg|g|ug|mcg|ml|ui)?")
_STRENGTH_UNITS = frozenset("mg g ug mcg ml ui".split())
# A name is at most this many words ("vitamine d 1000 ui").
MAX_NAME_TOKENS = 4


def _is_word(token: str) -> bool:
    return token[0].isalpha() and not token.endswith("'") and token not in _NOT_A_NAME


def _name_start(tokens: list[re.Match[str]]) -> int | None:
    """The first unknown word after a determiner, else the first unknown word."""
    starts = [
        i for i, t in enumerate(tokens) if len(t.group()) >= 3 and _is_word(t.group())
    ]
    after_determiner = [
        i for i in starts if i and tokens[i - 1].group() in _DETERMINERS
    ]
    return (after_determiner or starts or [None])[0]


def scan_name(folded: FoldedText, spans: list[Span]) -> str | None:
    """Finds the medication's name among the words no other reader recognised.

    Args:
        folded: The folded message.
        spans: Spans of ``folded.text`` already read as times, dose, etc.

    Returns:
        The name as the patient wrote it, with a following strength ("1000",
        "500 mg"), or None.
    """
    tokens = list(_TOKEN.finditer(blank(folded.text, spans)))
    first = _name_start(tokens)
    if first is None:
        return None
    last = first
    for index in range(first + 1, min(len(tokens), first + MAX_NAME_TOKENS)):
        previous, token = tokens[index - 1].group(), tokens[index].group()
        if folded.text[tokens[index - 1].end() : tokens[index].start()].strip():
            break  # something read as a time, a dose... sits between them
        strength = _STRENGTH.fullmatch(token) or (
            token in _STRENGTH_UNITS and _STRENGTH.fullmatch(previous)
        )
        if not (strength or _is_word(token)):
            break
        last = index
    return folded.original_slice(tokens[first].start(), tokens[last].end())


def parse_medication_request(text: str, today: date) -> MedicationRequest:
    """Reads everything a patient says about one medication in one message.

    Args:
        text: What the patient wrote, e.g. "1 comprimé de Levothyrox à 7h30 à
            jeun" or "amoxicilline 2 gélules matin midi soir pendant 7 jours".
        today: The first day of the treatment, for the end date.

    Returns:
        The request; each part the patient did not give (or that was not
        understood) is None, see :attr:`MedicationRequest.missing`.
    """
    folded = fold(text)
    times, time_spans = scan_times(folded.text)
    recurrence, recurrence_spans = scan_recurrence(folded.text)
    duration, duration_spans = scan_duration(folded.text, today)
    dose, dose_spans = scan_dose(folded.text)
    instruction, instruction_spans = scan_instruction(folded.text)
    spans = time_spans + recurrence_spans + duration_spans + dose_spans
    return MedicationRequest(
        name=scan_name(folded, spans + instruction_spans),
        dose=dose,
        times=times,
        recurrence=recurrence,
        duration=duration,
        instruction=instruction,
    )
