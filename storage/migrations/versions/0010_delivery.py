"""delivery engine: broadcasts, outbox, scheduled items

Revision ID: 0010
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0010"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DT = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("parse_mode", sa.String(length=20), nullable=True),
        sa.Column("attachment_file_id", sa.String(length=300), nullable=True),
        sa.Column("attachment_kind", sa.String(length=20), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.Column("scheduled_at", UTC_DT, nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", UTC_DT, nullable=True),
        sa.Column("finished_at", UTC_DT, nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=False),
        sa.Column("progress_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("progress_message_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )
    op.create_index(op.f("ix_broadcasts_status"), "broadcasts", ["status"], unique=False)

    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("broadcast_id", sa.Integer(), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("parse_mode", sa.String(length=20), nullable=True),
        sa.Column("reply_markup", sa.JSON(), nullable=True),
        sa.Column("attachment_file_id", sa.String(length=300), nullable=True),
        sa.Column("attachment_kind", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC_DT, nullable=False),
        sa.Column("claimed_by", sa.String(length=60), nullable=True),
        sa.Column("claimed_at", UTC_DT, nullable=True),
        sa.Column("sent_at", UTC_DT, nullable=True),
        sa.Column("telegram_message_id", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.Column("dedup_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.ForeignKeyConstraint(
            ["broadcast_id"],
            ["broadcasts.id"],
            name=op.f("fk_outbox_messages_broadcast_id_broadcasts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_outbox_messages_dedup_key")),
    )
    op.create_index(
        "ix_outbox_messages_claim",
        "outbox_messages",
        ["status", "next_attempt_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_outbox_messages_broadcast_status",
        "outbox_messages",
        ["broadcast_id", "status"],
        unique=False,
    )

    op.create_table(
        "scheduled_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("run_at", UTC_DT, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fired_at", UTC_DT, nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_items")),
    )
    op.create_index("ix_scheduled_items_due", "scheduled_items", ["status", "run_at"], unique=False)
    op.create_index("ix_scheduled_items_ref", "scheduled_items", ["kind", "ref_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_scheduled_items_ref", table_name="scheduled_items")
    op.drop_index("ix_scheduled_items_due", table_name="scheduled_items")
    op.drop_table("scheduled_items")
    op.drop_index("ix_outbox_messages_broadcast_status", table_name="outbox_messages")
    op.drop_index("ix_outbox_messages_claim", table_name="outbox_messages")
    op.drop_table("outbox_messages")
    op.drop_index(op.f("ix_broadcasts_status"), table_name="broadcasts")
    op.drop_table("broadcasts")
