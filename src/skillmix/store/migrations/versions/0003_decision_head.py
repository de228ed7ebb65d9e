"""The decision log's chain head (``decision_head``), seeded from the newest entry.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 16:05:00
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table('decision_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_head'))
    )
    conn = op.get_bind()
    count = conn.execute(sa.text("SELECT COUNT(*) FROM decision_log")).scalar() or 0
    seq, digest = 0, _GENESIS
    if count:
        raw = conn.execute(sa.text("SELECT entry FROM decision_log ORDER BY seq DESC LIMIT 1")).scalar()
        entry = json.loads(raw) if isinstance(raw, str) else dict(raw)
        digest = str(entry.get("hash") or _GENESIS)
        seq = entry["seq"] if isinstance(entry.get("seq"), int) else count
    conn.execute(sa.text("INSERT INTO decision_head (id, seq, hash) VALUES (1, :seq, :hash)"),
                 {"seq": seq, "hash": digest})


def downgrade() -> None:
    op.drop_table('decision_head')
