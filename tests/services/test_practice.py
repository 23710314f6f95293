from datetime import date, time

import pytest
import yaml
from sqlalchemy import func, select

from actions import practice as cli
from actions.services import appointments
from actions.services.content import load_content
from actions.services.practice import PRACTICE_FILE, PracticeError, load_practice
from actions.services.practice_file import parse_practice
from actions.services.practice_store import practice_from_store, sync_practice
from actions.services.slot_search import SlotQuery
from actions.store.models import OpeningHours, Practitioner, PractitionerAbsence
from tests.services.appointment_fixtures import MONDAY, add_patient, load_demo

DETAILS = {"practice_name": "MSP", "practice_address": "1 rue", "practice_phone": "01"}


def demo_data() -> dict:
    return yaml.safe_load(PRACTICE_FILE.read_text(encoding="utf-8"))


def parse(data: dict):
    return parse_practice(data, DETAILS)


def test_the_demo_practice_loads_with_its_people_hours_and_holidays():
    practice = load_practice()
    content = load_content().practice
    main = practice.places["tilleuls"]
    assert (main.name, main.address, main.phone) == (
        content["practice_name"],
        content["practice_address"],
        content["practice_phone"],
    )
    assert 4 <= len(practice.practitioners) <= 6
    martin = practice.practitioner("dr-claire-martin")
    assert (martin.name, martin.profession, martin.teleconsultation) == (
        "Dr Claire Martin",
        "medecin_generaliste",
        True,
    )
    assert [str(p) for p in martin.hours[0]] == ["08:30-12:00", "14:00-19:00"]
    assert martin.is_absent(date(2027, 2, 17)) and not martin.is_absent(
        date(2027, 2, 22)
    )
    assert practice.is_closed(date(2026, 12, 25)) and practice.is_closed(
        date(2027, 1, 1)
    )
    assert not practice.is_closed(date(2026, 12, 24))
    assert practice.types["consultation"].duration_minutes == 20
    assert practice.types["teleconsultation"].teleconsultation
    assert "carte Vitale" in practice.types["consultation"].bring
    assert practice.profession_label("infirmier") == "infirmière"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["practitioners"]["lea-petit"].update(profession="dentiste"),
            "lea-petit.profession",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"].update(place="ailleurs"),
            "lea-petit.place",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"]["hours"].update(
                lundi=["14:00-10:00"]
            ),
            "closes before it opens",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"]["hours"].update(lundi=["8h-10h"]),
            "HH:MM",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"]["hours"].update(
                lundi=["08:00-11:00", "10:30-12:00"]
            ),
            "overlaps",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"]["hours"].update(
                funday=["08:00-11:00"]
            ),
            "unknown days",
        ),
        (
            lambda d: d["practitioners"]["lea-petit"]["hours"].update(
                lundi=["08:03-11:00"]
            ),
            "5-minute grid",
        ),
        (
            lambda d: d["appointment_types"]["consultation"].update(
                duration_minutes=22
            ),
            "multiple of 5",
        ),
        (
            lambda d: d["appointment_types"]["consultation"].update(professions=["x"]),
            "consultation.professions",
        ),
        (lambda d: d["practice"].update(time_zone="Mars/Olympus"), "unknown time zone"),
        (
            lambda d: d["places"]["tilleuls"].update(address="{nowhere}"),
            "unknown placeholder",
        ),
        (lambda d: d["closures"].append({"day": "2027-13-01"}), r"closures\[12\]"),
        (
            lambda d: d["practitioners"]["dr-claire-martin"]["absences"].append(
                {"from": "2027-03-02", "to": "2027-03-01"}
            ),
            "ends before",
        ),
    ],
)
def test_a_wrong_practice_file_says_where(change, message):
    data = demo_data()
    change(data)
    with pytest.raises(PracticeError, match=message):
        parse(data)


def test_a_missing_or_broken_file_is_a_practice_error(tmp_path):
    with pytest.raises(PracticeError, match="cannot read"):
        load_practice(tmp_path / "none.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("practice: [", encoding="utf-8")
    with pytest.raises(PracticeError, match="not valid YAML"):
        load_practice(broken)


def count(uow, model) -> int:
    with uow:
        return uow.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_loading_twice_changes_nothing_and_reads_back_the_same_practice(uow):
    practice = load_practice()
    first = sync_practice(uow, practice, MONDAY)
    rows = (count(uow, OpeningHours), count(uow, PractitionerAbsence))
    assert first["created"] == len(practice.places) + len(practice.practitioners) + len(
        practice.types
    )
    assert sync_practice(uow, practice, MONDAY) == {}
    assert (count(uow, OpeningHours), count(uow, PractitionerAbsence)) == rows
    with uow:
        stored = practice_from_store(uow)
    assert stored.practitioners == practice.practitioners
    assert stored.types == practice.types
    assert stored.places == practice.places
    assert set(stored.closures) == set(practice.closures)
    assert (stored.time_zone, stored.step_minutes) == ("Europe/Paris", 15)


def test_an_edited_file_updates_in_place(uow):
    data = demo_data()
    sync_practice(uow, parse(data), MONDAY)
    data["practitioners"]["lea-petit"]["hours"] = {"mardi": ["09:00-12:00"]}
    data["appointment_types"]["consultation"]["duration_minutes"] = 25
    counts = sync_practice(uow, parse(data), MONDAY)
    assert counts == {"updated": 1}  # the type; hours are replaced, not counted
    with uow:
        stored = practice_from_store(uow)
    assert stored.practitioner("lea-petit").hours[1][0].opens == time(9, 0)
    assert stored.practitioner("lea-petit").hours[0] == ()
    assert stored.types["consultation"].duration_minutes == 25
    assert count(uow, Practitioner) == 6


def test_removed_practitioners_are_deactivated_if_booked_else_deleted(uow):
    load_demo(uow)
    add_patient(uow)
    query = SlotQuery("seance_kine")
    (slot, *_) = appointments.search(uow, query, MONDAY)
    assert appointments.book(uow, "p1", slot, query, MONDAY).appointment
    data = demo_data()
    del data["practitioners"]["thomas-durand"]  # booked
    del data["practitioners"]["lea-petit"]  # never booked
    counts = sync_practice(uow, parse(data), MONDAY)
    assert (counts["deactivated"], counts["deleted"]) == (1, 1)
    with uow:
        keys = {
            p.key: p.active
            for p in uow.session.execute(select(Practitioner)).unique().scalars()
        }
        assert "thomas-durand" not in practice_from_store(uow).practitioners
    assert keys["thomas-durand"] is False and "lea-petit" not in keys
    assert (
        appointments.upcoming(uow, "p1", MONDAY)[0].practitioner_name == "Thomas Durand"
    )


def test_the_command_loads_and_shows_a_day_without_patient_names(
    uow, sqlite_url, monkeypatch, capsys
):
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    assert cli.main(["load"]) == 0
    assert "6 practitioners" in capsys.readouterr().out
    add_patient(uow, "a" * 64)
    query = SlotQuery("consultation", practitioner="dr-claire-martin")
    (slot, *_) = appointments.search(uow, query, MONDAY)
    booked = appointments.book(uow, "a" * 64, slot, query, MONDAY).appointment
    assert cli.main(["day", "Dr Claire Martin", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert f"09:00-09:20  #{booked.id}" in out
    assert "consultation  réservé  patient aaaaaaaa" in out and "a" * 9 not in out
    assert cli.main(["day", "nobody", "2026-11-30"]) == 1


def test_the_command_refuses_a_broken_file(sqlite_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    broken = tmp_path / "p.yml"
    broken.write_text("practice: {}", encoding="utf-8")
    assert cli.main(["load", str(broken)]) == 1
    assert "practice: error:" in capsys.readouterr().err
