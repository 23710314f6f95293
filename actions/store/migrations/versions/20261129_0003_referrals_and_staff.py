"""Referrals to a human professional, staff accounts, console sessions, staff replies.

``uq_referrals_active_patient`` is a partial unique index (SQLite and PostgreSQL): one
``open`` or ``in_progress`` referral per patient. See
``actions/store/referral_models.py``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 07:03:08.330924
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ACTIVE = "status IN ('open', 'in_progress')"


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "staff_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_accounts_username")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'closed')",
            name=op.f("ck_referrals_status"),
        ),
        sa.CheckConstraint(
            "urgency IN ('urgent', 'soon', 'routine')",
            name=op.f("ck_referrals_urgency"),
        ),
        sa.ForeignKeyConstraint(
            ["assigned_to"],
            ["staff_accounts.id"],
            name=op.f("fk_referrals_assigned_to_staff_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"],
            ["staff_accounts.id"],
            name=op.f("fk_referrals_closed_by_staff_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_referrals_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referrals_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_status_created_at", ["status", "created_at"], unique=False
        )
        batch_op.create_index(
            "uq_referrals_active_patient",
            ["patient_id"],
            unique=True,
            sqlite_where=sa.text(_ACTIVE),
            postgresql_where=sa.text(_ACTIVE),
        )

    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_accounts.id"],
            name=op.f("fk_staff_sessions_staff_id_staff_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_staff_sessions")),
    )
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_sessions_expires_at"), ["expires_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staff_sessions_staff_id"), ["staff_id"], unique=False
        )

    op.create_table(
        "staff_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("delivery_error", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_staff_messages_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_accounts.id"],
            name=op.f("fk_staff_messages_staff_id_staff_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_messages")),
    )
    with op.batch_alter_table("staff_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_messages_referral_id"), ["referral_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("staff_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_messages_referral_id"))

    op.drop_table("staff_messages")
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sessions_staff_id"))
        batch_op.drop_index(batch_op.f("ix_staff_sessions_expires_at"))

    op.drop_table("staff_sessions")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("uq_referrals_active_patient")
        batch_op.drop_index("ix_referrals_status_created_at")
        batch_op.drop_index(batch_op.f("ix_referrals_patient_id"))

    op.drop_table("referrals")
    op.drop_table("staff_accounts")
