"""Mood check-ins and guided exercises.

``mood_entries`` (a 1–5 score, an optional note, where it came from) and
``mood_plans`` (one daily check-in time per patient); notifications gain the kind
``exercise_step``: the timed messages of a guided exercise are rows the worker
delivers, like reminders (see ``actions/store/wellbeing_models.py``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_KINDS_BEFORE = (
    "kind IN ('medication_dose', 'medication_followup', "
    "'appointment_reminder', 'mood_checkin')"
)
_KINDS_AFTER = (
    "kind IN ('medication_dose', 'medication_followup', "
    "'appointment_reminder', 'mood_checkin', 'exercise_step')"
)


def _replace_kind_check(condition: str) -> None:
    # SQLite cannot alter a constraint: batch mode copies the table there (only).
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_constraint(op.f("ck_notifications_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_notifications_kind"), condition)


def upgrade() -> None:
    """Apply this revision."""
    _replace_kind_check(_KINDS_AFTER)
    op.create_table(
        "mood_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "score BETWEEN 1 AND 5", name=op.f("ck_mood_entries_score_range")
        ),
        sa.CheckConstraint(
            "source IN ('checkin', 'daily', 'exercise')",
            name=op.f("ck_mood_entries_source"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_mood_entries_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mood_entries")),
    )
    with op.batch_alter_table("mood_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mood_entries_patient_id"), ["patient_id"], unique=False
        )
    op.create_table(
        "mood_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("time_local", sa.String(length=5), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_mood_plans_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mood_plans")),
        sa.UniqueConstraint("patient_id", name=op.f("uq_mood_plans_patient_id")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("mood_plans")
    with op.batch_alter_table("mood_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mood_entries_patient_id"))
    op.drop_table("mood_entries")
    op.execute("DELETE FROM notifications WHERE kind = 'exercise_step'")
    _replace_kind_check(_KINDS_BEFORE)
