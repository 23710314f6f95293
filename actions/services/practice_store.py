"""The practice in the database: load a practice file into it, and read it back.

:func:`sync_practice` upserts a :class:`~actions.services.practice.Practice` (what
``python -m actions.practice load`` runs); re-running it with the same file changes
nothing, and with an edited file updates rows in place. A practitioner or appointment
type removed from the file is deleted if nothing was ever booked with it, otherwise
deactivated (its appointments keep pointing at it). :func:`practice_from_store` gives
the slot search the practice as the database holds it.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from actions.services import practice as model
from actions.store import models as rows
from actions.store.unit_of_work import UnitOfWork


def sync_practice(uow: UnitOfWork, practice: model.Practice, now: datetime) -> Counter:
    """Upsert a practice into the database, in one transaction.

    Args:
        uow: A unit of work (opened and committed here).
        practice: The practice (:func:`~actions.services.practice.load_practice`).
        now: The current instant (``updated_at`` of the settings).

    Returns:
        Counts: ``created``, ``updated``, ``deactivated``, ``deleted`` (rows of places,
        practitioners and appointment types).
    """
    counts: Counter = Counter()
    with uow:
        repo = uow.practice
        settings = uow.session.get(rows.PracticeSettings, practice.key)
        if settings is None:
            settings = rows.PracticeSettings(key=practice.key)
            uow.session.add(settings)  # inserted at the next flush, filled below
        settings.name = practice.name
        settings.time_zone = practice.time_zone
        settings.slot_step_minutes = practice.step_minutes
        settings.professions = dict(practice.professions)
        settings.updated_at = now

        places = repo.by_key(rows.Place)
        for place in practice.places.values():
            places[place.key] = _upsert(
                repo, places, rows.Place, place.key, counts, **_fields(place)
            )
        people = repo.by_key(rows.Practitioner)
        for position, person in enumerate(practice.practitioners.values()):
            row = _upsert(
                repo,
                people,
                rows.Practitioner,
                person.key,
                counts,
                name=person.name,
                profession=person.profession,
                place_id=places[person.place].id,
                languages=list(person.languages),
                teleconsultation=person.teleconsultation,
                active=True,
                position=position,
            )
            hours = [
                rows.OpeningHours(
                    practitioner_id=row.id,
                    weekday=weekday,
                    opens=period.opens,
                    closes=period.closes,
                )
                for weekday, periods in enumerate(person.hours)
                for period in periods
            ]
            repo.replace_schedule(row.id, hours, _absences(person.absences, row.id))
        repo.replace_schedule(None, [], _absences(practice.closures, None))
        kinds = repo.by_key(rows.AppointmentType)
        for kind in practice.types.values():
            _upsert(
                repo,
                kinds,
                rows.AppointmentType,
                kind.key,
                counts,
                label=kind.label,
                duration_minutes=kind.duration_minutes,
                professions=sorted(kind.professions),
                teleconsultation=kind.teleconsultation,
                bring=kind.bring,
                active=True,
            )
        _retire(
            uow, rows.Practitioner, practice.practitioners, "practitioner_id", counts
        )
        _retire(
            uow, rows.AppointmentType, practice.types, "appointment_type_id", counts
        )
    return counts


def practice_from_store(uow: UnitOfWork) -> model.Practice | None:
    """Read the loaded practice back, with its active practitioners and types.

    Args:
        uow: A unit of work, already open (read only).

    Returns:
        The practice, or ``None`` when no practice was loaded.
    """
    repo = uow.practice
    settings = repo.settings()
    if settings is None:
        return None
    people = repo.active_practitioners()
    periods: dict[int, list[list[model.Period]]] = {
        person.id: [[] for _ in range(7)] for person in people
    }
    for period in repo.hours(list(periods)):
        periods[period.practitioner_id][period.weekday].append(
            model.Period(period.opens, period.closes)
        )
    absences: dict[int | None, list[model.Absence]] = {}
    for absence in repo.absences():
        absences.setdefault(absence.practitioner_id, []).append(
            model.Absence(absence.first_day, absence.last_day, absence.reason)
        )
    places = {
        place.key: model.Place(place.key, place.name, place.address, place.phone)
        for place in repo.by_key(rows.Place).values()
    }
    practitioners = {
        person.key: model.Practitioner(
            key=person.key,
            name=person.name,
            profession=person.profession,
            place=person.place.key,
            languages=tuple(person.languages),
            teleconsultation=person.teleconsultation,
            hours=tuple(tuple(day) for day in periods[person.id]),
            absences=tuple(absences.get(person.id, ())),
        )
        for person in people
    }
    types = {
        kind.key: model.AppointmentType(
            key=kind.key,
            label=kind.label,
            duration_minutes=kind.duration_minutes,
            professions=frozenset(kind.professions),
            teleconsultation=kind.teleconsultation,
            bring=kind.bring,
        )
        for kind in repo.by_key(rows.AppointmentType).values()
        if kind.active
    }
    return model.Practice(
        key=settings.key,
        name=settings.name,
        places=places,
        professions=dict(settings.professions),
        practitioners=practitioners,
        types=types,
        closures=tuple(absences.get(None, ())),
        time_zone=settings.time_zone,
        step_minutes=settings.slot_step_minutes,
    )


def _fields(place: model.Place) -> dict:
    return {"name": place.name, "address": place.address, "phone": place.phone}


def _upsert(repo, existing: dict, table, key: str, counts: Counter, **values):
    row = existing.get(key)
    if row is None:
        counts["created"] += 1
        return repo.add(table(key=key, **values))
    if any(getattr(row, name) != value for name, value in values.items()):
        counts["updated"] += 1
        for name, value in values.items():
            setattr(row, name, value)
    return row


def _absences(
    absences: tuple[model.Absence, ...], practitioner_id: int | None
) -> list[rows.PractitionerAbsence]:
    return [
        rows.PractitionerAbsence(
            practitioner_id=practitioner_id,
            first_day=absence.first_day,
            last_day=absence.last_day,
            reason=absence.reason,
        )
        for absence in absences
    ]


def _retire(uow: UnitOfWork, table, kept, column: str, counts: Counter) -> None:
    """Deactivate (if ever booked) or delete the rows no longer in the file."""
    for key, row in uow.practice.by_key(table).items():
        if key in kept:
            continue
        if uow.appointments.count_for(**{column: row.id}):
            if row.active:
                row.active = False
                counts["deactivated"] += 1
        else:
            uow.practice.delete(row)
            counts["deleted"] += 1
