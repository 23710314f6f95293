import pytest

from actions.services.medication_intake import parse_dose, parse_instruction


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 comprimé", "1 comprimé"),
        ("1 comprime", "1 comprimé"),
        ("2 COMPRIMÉS", "2 comprimés"),
        ("1 cp", "1 comprimé"),
        ("un cachet", "1 cachet"),
        ("2 gélules", "2 gélules"),
        ("2 gelules", "2 gélules"),
        ("10 gouttes", "10 gouttes"),
        ("vingt gouttes", "20 gouttes"),
        ("1 sachet", "1 sachet"),
        ("5 ml", "5 ml"),
        ("5ml", "5 ml"),
        ("une cuillère", "1 cuillère"),
        ("une cuillere", "1 cuillère"),
        ("2 cuillères à soupe", "2 cuillères à soupe"),
        ("1 cuillère à café", "1 cuillère à café"),
        ("1/2 comprimé", "½ comprimé"),
        ("½ comprimé", "½ comprimé"),
        ("une demi pilule", "½ pilule"),
        ("un demi-comprimé", "½ comprimé"),
        ("la moitié d'un comprimé", "½ comprimé"),
        ("un quart de comprimé", "¼ comprimé"),
        ("3/4 de comprimé", "¾ comprimé"),
        ("1 comprimé et demi", "1,5 comprimé"),
        ("1,5 cp", "1,5 comprimé"),
        ("2 bouffées", "2 bouffées"),
        ("2 puffs", "2 bouffées"),
        ("10 UI", "10 UI"),
        ("12 unités", "12 unités"),
        ("1 suppositoire", "1 suppositoire"),
        ("1 patch", "1 patch"),
        ("1 ampoule", "1 ampoule"),
        ("1 comprimé de Levothyrox à 7h30", "1 comprimé"),
        ("2 gélules matin et 1 le soir", "2 gélules"),
    ],
)
def test_parse_dose_normalises_quantity_and_unit(text, expected):
    assert parse_dose(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "500 mg",
        "doliprane 1000",
        "2 fois par jour",
        "0 comprimé",
        "comprimé",
        "1/2",
        "à 8h",
    ],
)
def test_parse_dose_returns_none_without_a_dose(text):
    assert parse_dose(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("à jeun", "à jeun"),
        ("a jeun", "à jeun"),
        ("A JEUN", "à jeun"),
        ("le ventre vide", "à jeun"),
        ("pendant le repas", "pendant le repas"),
        ("au cours du repas", "pendant le repas"),
        ("au milieu du repas", "pendant le repas"),
        ("en mangeant", "pendant le repas"),
        ("au dîner", "pendant le dîner"),
        ("avant de manger", "avant le repas"),
        ("avant les repas", "avant le repas"),
        ("30 min avant le petit déjeuner", "30 minutes avant le petit-déjeuner"),
        ("1 heure après le déjeuner", "1 heure après le déjeuner"),
        ("après le repas", "après le repas"),
        ("apres le repas", "après le repas"),
        ("après avoir mangé", "après le repas"),
        ("à la fin du repas", "après le repas"),
        ("à distance des repas", "à distance des repas"),
        ("en dehors des repas", "à distance des repas"),
        ("avec un grand verre d'eau", "avec un grand verre d'eau"),
        ("avec un grand verre d’eau", "avec un grand verre d'eau"),
        ("avec de l'eau", "avec un verre d'eau"),
        ("à dissoudre dans un verre d'eau", "à dissoudre dans un verre d'eau"),
        ("au coucher", "au coucher"),
        ("avant de dormir", "au coucher"),
        ("sans croquer", "à avaler sans croquer"),
        ("sous la langue", "à laisser fondre sous la langue"),
        ("si besoin", "si besoin"),
        ("en cas de douleur", "si besoin"),
        ("à jeun avec un grand verre d'eau", "à jeun, avec un grand verre d'eau"),
        ("le matin à jeun, à jeun", "à jeun"),
    ],
)
def test_parse_instruction_normalises_how_to_take_it(text, expected):
    assert parse_instruction(text) == expected


@pytest.mark.parametrize("text", ["8h", "doliprane", "tous les jours", "jeudi"])
def test_parse_instruction_returns_none_without_an_instruction(text):
    assert parse_instruction(text) is None
