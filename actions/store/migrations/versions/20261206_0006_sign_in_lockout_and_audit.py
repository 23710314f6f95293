"""Sign-in lockout counters on staff accounts; audit rows that outlive an erasure.

``staff_accounts`` gains ``failed_sign_ins``, ``failure_window_start``,
``locked_until`` and ``lockouts`` (see ``actions/services/sign_in_guard.py``).
``audit_events`` gains ``referral_id`` (which referral a staff member saw) and
``patient_pseudonym`` (set when the patient is erased), and its foreign key to
``patients`` no longer cascades: erasing a patient keeps who read their data.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_FK = "fk_audit_events_patient_id_patients"


def upgrade() -> None:
    """Add the columns; make the audit's patient key ``ON DELETE SET NULL``."""
    with op.batch_alter_table("staff_accounts") as batch_op:
        batch_op.add_column(
            sa.Column(
                "failed_sign_ins", sa.Integer(), nullable=False, server_default="0"
            )
        )
        batch_op.add_column(
            sa.Column("failure_window_start", sa.DateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("lockouts", sa.Integer(), nullable=False, server_default="0")
        )
    # SQLite cannot alter a foreign key: batch mode copies the table there (only).
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.add_column(sa.Column("referral_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("patient_pseudonym", sa.String(length=40), nullable=True)
        )
        batch_op.drop_constraint(op.f(_FK), type_="foreignkey")
        batch_op.create_foreign_key(
            op.f(_FK), "patients", ["patient_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_referral_id"), ["referral_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_patient_pseudonym"),
            ["patient_pseudonym"],
            unique=False,
        )


def downgrade() -> None:
    """Drop the columns; the audit's patient key cascades again.

    Rows of erased patients (``patient_id`` NULL) stay, without their pseudonym.
    """
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_patient_pseudonym"))
        batch_op.drop_index(batch_op.f("ix_audit_events_referral_id"))
        batch_op.drop_constraint(op.f(_FK), type_="foreignkey")
        batch_op.create_foreign_key(
            op.f(_FK), "patients", ["patient_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.drop_column("patient_pseudonym")
        batch_op.drop_column("referral_id")
    with op.batch_alter_table("staff_accounts") as batch_op:
        batch_op.drop_column("lockouts")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failure_window_start")
        batch_op.drop_column("failed_sign_ins")
