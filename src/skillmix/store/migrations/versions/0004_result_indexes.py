"""The newest result comes from an index: rankings by (posting_id, created_at), scorecards
by (candidate_id, target, created_at).

Why: every assessment and ranking reads the newest stored result for its target to see
whether it can be reused. With an index on the posting (or candidate) alone the database
sorted all of that target's results by time on every request, reading each row (a computed
ranking's payload spans overflow pages before its ``created_at``), so requests slowed as
results accumulated.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:15:00
"""
from __future__ import annotations

from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_rankings_posting_id_created_at', 'rankings',
                    ['posting_id', 'created_at'], unique=False)
    op.create_index('ix_scorecards_candidate_id_target_created_at', 'scorecards',
                    ['candidate_id', 'target', 'created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_scorecards_candidate_id_target_created_at', table_name='scorecards')
    op.drop_index('ix_rankings_posting_id_created_at', table_name='rankings')
