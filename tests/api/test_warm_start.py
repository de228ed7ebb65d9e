"""A server process builds its shared engines before its first request, and writes
nothing while doing so."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")


def test_warm_up_builds_engines_and_writes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from skillmix.service import Workspace
    from skillmix.service.memo import _FINGERPRINT
    from skillmix.service.warm import warm_up
    from skillmix.store.models import AuditRow, DecisionLogRow, DerivedRow

    ws = Workspace(store)
    warm_up(ws)
    assert _FINGERPRINT, "the code digest result reuse keys on was made"
    assert ws._decision_log is not None
    with store.session() as sess:
        for model in (AuditRow, DecisionLogRow, DerivedRow):
            assert sess.scalar(select(func.count()).select_from(model)) == 0


def test_warm_on_start_runs_in_the_lifespan(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import warm

    seen = []
    monkeypatch.setattr(warm, "warm_up", lambda ws: seen.append(ws))
    with TestClient(create_app(store, warm_on_start=True)) as c:
        assert seen and seen[0] is c.app.state.workspace
        assert c.get("/health").status_code == 200
    seen.clear()
    with TestClient(create_app(store)):
        assert not seen
