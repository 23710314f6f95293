"""Health free text encrypted at rest (medication names, doses and instructions,
referral reasons and contacts, staff replies, mood notes); one-time export links; a
patient's last message seen by the retention sweep.

The columns become ``TEXT`` (a Fernet token is longer than the text) and the rows
already there are encrypted with the newest key of :mod:`actions.store.crypto`.
Downgrading decrypts them back.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 17:30:00
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from actions.store.crypto import decrypt_text, encrypt_text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ENCRYPTED_COLUMNS = {
    "medications": ("name", "dose", "instruction"),
    "referrals": ("reason", "contact"),
    "staff_messages": ("text",),
    "mood_entries": ("note",),
}


def upgrade() -> None:
    """Widen the two bounded columns, encrypt every value; add the export links."""
    op.create_table(
        "export_links",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"],
            name=op.f("fk_export_links_patient_id_patients"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_export_links")),
    )
    op.create_index(
        op.f("ix_export_links_patient_id"), "export_links", ["patient_id"], unique=False
    )
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("medications") as batch:
        for column in ("name", "dose"):
            batch.alter_column(
                column, existing_type=sa.String(length=200), type_=sa.Text(),
                existing_nullable=False,
            )
    _convert(encrypt_text)


def downgrade() -> None:
    """Drop the export links, decrypt every value, bound the two columns again."""
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("last_seen_at")
    op.drop_index(op.f("ix_export_links_patient_id"), table_name="export_links")
    op.drop_table("export_links")
    _convert(decrypt_text)
    with op.batch_alter_table("medications") as batch:
        for column in ("name", "dose"):
            batch.alter_column(
                column, existing_type=sa.Text(), type_=sa.String(length=200),
                existing_nullable=False,
            )


def _convert(convert: Callable[[str], str]) -> None:
    connection = op.get_bind()
    for table_name, columns in ENCRYPTED_COLUMNS.items():
        table = sa.table(table_name, sa.column("id"), *(sa.column(c) for c in columns))
        for row in connection.execute(sa.select(table)).mappings().all():
            values = {c: convert(row[c]) for c in columns if row[c] is not None}
            if values:
                connection.execute(
                    table.update().where(table.c.id == row["id"]).values(**values)
                )
