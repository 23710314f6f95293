"""How much of a medication a French patient takes, and how to take it.

"un cachet", "1/2 comprimé", "10 gouttes" become a normalised dose ("1 cachet",
"½ comprimé"); "a jeun", "au cours du repas", "avant de manger" become a normalised
instruction ("à jeun", "pendant le repas", "avant le repas"). No Rasa import.
"""

from __future__ import annotations

import re
from fractions import Fraction

from actions.services.medication_times import (
    NUMBER,
    NUMBER_WORD,
    Span,
    compile_folded,
    consume,
    fold,
    to_number,
)

# (pattern, singular, plural) for each unit a dose may be counted in.
_DOSE_UNITS: tuple[tuple[str, str, str], ...] = (
    (r"comprimes?|cpr?s?|cpe", "comprimé", "comprimés"),
    (r"cachets?", "cachet", "cachets"),
    (r"gelules?", "gélule", "gélules"),
    (r"gouttes?|gttes?|gtt", "goutte", "gouttes"),
    (r"sachets?", "sachet", "sachets"),
    (r"ml|millilitres?", "ml", "ml"),
    (r"cuill?e?re?s?\s+(?:a|de)\s+soupe", "cuillère à soupe", "cuillères à soupe"),
    (r"cuill?e?re?s?\s+(?:a|de)\s+cafe", "cuillère à café", "cuillères à café"),
    (r"cuill?ere?s?|cuilliere?s?", "cuillère", "cuillères"),
    (r"pilules?", "pilule", "pilules"),
    (r"bouffees?|puffs?", "bouffée", "bouffées"),
    (r"inhalations?", "inhalation", "inhalations"),
    (r"pulverisations?", "pulvérisation", "pulvérisations"),
    (r"ampoules?", "ampoule", "ampoules"),
    (r"suppositoires?|suppos?", "suppositoire", "suppositoires"),
    (r"patch(?:s|es)?", "patch", "patchs"),
    (r"injections?", "injection", "injections"),
    (r"piqures?", "piqûre", "piqûres"),
    (r"unites?", "unité", "unités"),
    (r"ui", "UI", "UI"),
    (r"capsules?", "capsule", "capsules"),
    (r"pastilles?", "pastille", "pastilles"),
    (r"doses?", "dose", "doses"),
)
_DOSE = compile_folded(
    r"(?<![\w/.,])(?:(?P<half>(?:(?:une?|1)\s+)?demie?)"
    r"|(?P<half_of>(?:la\s+)?moitie\s+d'\s*(?:une?|1))"
    r"|(?P<quarter>(?:un|1)\s+quart\s+d(?:e|')|quart\s+d(?:e|'))"
    r"|(?P<fraction>[13]/[24])(?:\s+d(?:e|'))?|(?P<number>\d{1,3}(?:[.,]\d{1,2})?)"
    rf"|(?P<word>{NUMBER_WORD}))\s*"
    rf"(?:{'|'.join(f'(?P<u{i}>{unit[0]})' for i, unit in enumerate(_DOSE_UNITS))})"
    r"(?P<and_half>\s+et\s+demie?)?(?![a-z\d])"
)
_FRACTION_GLYPHS = {Fraction(1, 2): "½", Fraction(1, 4): "¼", Fraction(3, 4): "¾"}
# A dose above this is a misreading, not a dose.
MAX_DOSE_QUANTITY = 1000


def _quantity(match: re.Match[str]) -> Fraction:
    if match["half"] or match["half_of"]:
        quantity = Fraction(1, 2)
    elif match["quarter"]:
        quantity = Fraction(1, 4)
    elif match["fraction"]:
        quantity = Fraction(match["fraction"])
    elif match["number"]:
        quantity = Fraction(match["number"].replace(",", "."))
    else:
        quantity = Fraction(to_number(match["word"]) or 0)
    return quantity + (Fraction(1, 2) if match["and_half"] else 0)


def _format_dose(quantity: Fraction, match: re.Match[str]) -> str:
    index = next(i for i in range(len(_DOSE_UNITS)) if match[f"u{i}"])
    _, singular, plural = _DOSE_UNITS[index]
    if quantity in _FRACTION_GLYPHS:
        amount = _FRACTION_GLYPHS[quantity]
    elif quantity.denominator == 1:
        amount = str(quantity.numerator)
    else:
        amount = f"{float(quantity):g}".replace(".", ",")
    return f"{amount} {plural if quantity >= 2 else singular}"


def scan_dose(text: str) -> tuple[str | None, list[Span]]:
    """Finds the first dose in a folded text and the span that described it."""
    for match in _DOSE.finditer(text):
        quantity = _quantity(match)
        if 0 < quantity <= MAX_DOSE_QUANTITY:
            return _format_dose(quantity, match), [match.span()]
    return None, []


def parse_dose(text: str) -> str | None:
    """Reads how much of a medication a patient takes at once.

    Args:
        text: What the patient wrote, e.g. "un cachet", "1/2 comprimé",
            "une demi pilule", "5 ml", "2 bouffées".

    Returns:
        The first dose in normalised French ("1 cachet", "½ pilule", "10 gouttes",
        "1,5 comprimé"), keeping the patient's unit; None when no dose is found.
        Strengths such as "500 mg" are not doses: they belong to the name.
    """
    return scan_dose(fold(text).text)[0]


_MEAL = (
    r"(?:(?:le|les|chaque|du|des|un|au|mon|votre)\s+)?"
    r"(?P<meal>petits?\s+dej(?:euners?)?|dejeuners?|diners?|soupers?|repas)\b"
)
_LEAD = rf"(?:(?P<lead>{NUMBER})\s*(?P<lead_unit>minutes?|min|mn|heures?|h)\s+)?"
_INSTRUCTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compile_folded(pattern), instruction)
    for pattern, instruction in (
        (r"\b(?:a\s*jeun|(?:le\s+)?ventre\s+vide|(?:l')?estomac\s+vide)\b", "à jeun"),
        (
            r"\b(?:(?:a|en)\s+distance|en\s+dehors|loin)\s+d[eu]s?\s+repas\b",
            "à distance des repas",
        ),
        (rf"{_LEAD}\bavant\s+(?:de\s+manger|manger|{_MEAL})", "avant {meal}"),
        (
            rf"{_LEAD}\bapres\s+(?:avoir\s+mange|de\s+manger|manger|{_MEAL})"
            r"|\b(?:en|a\s+la)\s+fin\s+d[eu]s?\s+repas\b",
            "après {meal}",
        ),
        (
            r"\b(?:pendant|durant|avec|au\s+(?:cours|milieu|moment)\s+d[eu]s?)\s+"
            rf"{_MEAL}|\ben\s+mangeant\b|\ba\s+table\b",
            "pendant {meal}",
        ),
        (
            r"\b(?:au|aux)\s+(?P<meal>dejeuners?|diners?|soupers?|repas)\b",
            "pendant {meal}",
        ),
        (
            r"\b(?:dissoudre|diluer|dissous|dilue)\w*\s+dans\s+(?:un\s+verre\s+d'|de\s+l')"
            r"\s*eau\b|\bdans\s+un\s+(?:grand\s+)?verre\s+d'\s*eau\b",
            "à dissoudre dans un verre d'eau",
        ),
        (
            r"\b(?:avec|et)\s+(?:un|1)\s+grand\s+verre\s+d'\s*eau\b"
            r"|\bbeaucoup\s+d'\s*eau\b",
            "avec un grand verre d'eau",
        ),
        (
            r"\bavec\s+(?:un|1|de|un\s+peu)\s+(?:verre\s+d'|l'|d')\s*eau\b",
            "avec un verre d'eau",
        ),
        (
            r"\b(?:au\s+coucher|avant\s+(?:le\s+)?coucher|avant\s+de\s+(?:me\s+|se\s+"
            r"|vous\s+|te\s+)?(?:coucher|dormir)|au\s+lit)\b",
            "au coucher",
        ),
        (
            r"\b(?:sans|ne\s+pas)\s+(?:les?\s+)?(?:croquer|macher|ecraser|couper)\b"
            r"|\bavaler\s+(?:tel\s+quel|entier\w*)",
            "à avaler sans croquer",
        ),
        (
            r"\b(?:si|au|en\s+cas\s+de)\s+besoin\b"
            r"|\ben\s+cas\s+de\s+(?:douleurs?|fievre|crise)\b",
            "si besoin",
        ),
        (
            r"\b(?:sous\s+la\s+langue|laisser\s+fondre)\b",
            "à laisser fondre sous la langue",
        ),
    )
)


def _meal_name(word: str | None) -> str:
    """Names a meal the way instructions say it: "le petit-déjeuner"."""
    word = word or "repas"
    if word.startswith("petit"):
        return "le petit-déjeuner"
    if word.startswith("dej"):
        return "le déjeuner"
    return "le dîner" if word.startswith(("diner", "souper")) else "le repas"


def _instruction_text(template: str, match: re.Match[str]) -> str:
    groups = match.groupdict()
    text = template.format(meal=_meal_name(groups.get("meal")))
    if groups.get("lead"):
        count = to_number(match["lead"]) or 0
        unit = "heure" if match["lead_unit"].startswith("h") else "minute"
        text = f"{count} {unit}{'s' if count > 1 else ''} {text}"
    return text


def scan_instruction(text: str) -> tuple[str | None, list[Span]]:
    """Finds how to take the medication in a folded text, and the spans saying so."""
    found: list[tuple[int, str]] = []
    spans: list[Span] = []
    work = text
    for pattern, template in _INSTRUCTIONS:
        matches, work = consume(pattern, work)
        found += [(m.start(), _instruction_text(template, m)) for m in matches]
        spans += [m.span() for m in matches]
    in_order = dict.fromkeys(instruction for _, instruction in sorted(found))
    return (", ".join(in_order) or None), spans


def parse_instruction(text: str) -> str | None:
    """Reads how a patient should take a medication.

    Args:
        text: What the patient wrote, e.g. "à jeun", "au cours du repas",
            "avant de manger", "avec un grand verre d'eau", "au coucher".

    Returns:
        The instructions in normalised French, in the order written and joined
        by ", " ("à jeun, avec un grand verre d'eau"); None when there is none.
    """
    return scan_instruction(fold(text).text)[0]
