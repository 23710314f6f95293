"""The practice and its appointments, with the double-booking guard.

Places, practitioners, opening hours, absences and closures, appointment types, the
practice's settings; appointments and ``appointment_slots``, whose primary key
``(practitioner_id, starts_at)`` lets one appointment only claim each 5-minute cell of
a practitioner's agenda (see ``actions/store/practice_models.py``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 06:29:45.768299
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "appointment_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("professions", sa.JSON(), nullable=False),
        sa.Column("teleconsultation", sa.Boolean(), nullable=False),
        sa.Column("bring", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_types")),
        sa.UniqueConstraint("key", name=op.f("uq_appointment_types_key")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    op.create_table(
        "practice_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("slot_step_minutes", sa.Integer(), nullable=False),
        sa.Column("professions", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_practice_settings")),
    )
    op.create_table(
        "practitioners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("profession", sa.String(length=64), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("teleconsultation", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_practitioners_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practitioners")),
        sa.UniqueConstraint("key", name=op.f("uq_practitioners_key")),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("appointment_type_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("teleconsultation", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reminder_answer", sa.String(length=16), nullable=True),
        sa.Column("reminder_answered_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "reminder_answer IN ('confirm', 'move', 'cancel')",
            name=op.f("ck_appointments_reminder_answer"),
        ),
        sa.CheckConstraint(
            "status IN ('booked', 'confirmed', 'cancelled', 'no_show', 'done')",
            name=op.f("ck_appointments_status"),
        ),
        sa.CheckConstraint(
            "ends_at > starts_at", name=op.f("ck_appointments_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["appointment_type_id"],
            ["appointment_types.id"],
            name=op.f("fk_appointments_appointment_type_id_appointment_types"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_appointments_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_appointments_practitioner_id_practitioners"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointments_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            "ix_appointments_practitioner_id_starts_at",
            ["practitioner_id", "starts_at"],
            unique=False,
        )

    op.create_table(
        "opening_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_opening_hours_weekday")
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_opening_hours_practitioner_id_practitioners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opening_hours")),
    )
    with op.batch_alter_table("opening_hours", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opening_hours_practitioner_id"),
            ["practitioner_id"],
            unique=False,
        )

    op.create_table(
        "practitioner_absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_practitioner_absences_practitioner_id_practitioners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practitioner_absences")),
    )
    with op.batch_alter_table("practitioner_absences", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practitioner_absences_practitioner_id"),
            ["practitioner_id"],
            unique=False,
        )

    op.create_table(
        "appointment_slots",
        sa.Column("practitioner_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_appointment_slots_appointment_id_appointments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_appointment_slots_practitioner_id_practitioners"),
        ),
        sa.PrimaryKeyConstraint(
            "practitioner_id", "starts_at", name=op.f("pk_appointment_slots")
        ),
    )
    with op.batch_alter_table("appointment_slots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointment_slots_appointment_id"),
            ["appointment_id"],
            unique=False,
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("appointment_slots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointment_slots_appointment_id"))

    op.drop_table("appointment_slots")
    with op.batch_alter_table("practitioner_absences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practitioner_absences_practitioner_id"))

    op.drop_table("practitioner_absences")
    with op.batch_alter_table("opening_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opening_hours_practitioner_id"))

    op.drop_table("opening_hours")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index("ix_appointments_practitioner_id_starts_at")
        batch_op.drop_index(batch_op.f("ix_appointments_patient_id"))

    op.drop_table("appointments")
    op.drop_table("practitioners")
    op.drop_table("practice_settings")
    op.drop_table("places")
    op.drop_table("appointment_types")
