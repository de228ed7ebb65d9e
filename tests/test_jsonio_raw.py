"""RawJson: a JSON object kept as text, parsed only when read, copied as is by dumps."""

from __future__ import annotations

import pytest

from skillmix import jsonio


@pytest.mark.parametrize("backend", ["orjson", "json"])
def test_jsonio_raw_json_reads_and_writes_like_the_object(monkeypatch, backend) -> None:  # type: ignore[no-untyped-def]
    if backend == "json":
        monkeypatch.setattr(jsonio, "_orjson", None)
    elif jsonio._orjson is None:
        pytest.skip("orjson not installed")
    text = '{"fit":69.9,"areas":[{"area":"tech","points":3}],"name":"Zoë"}'
    raw = jsonio.RawJson(text)
    assert jsonio.loads(jsonio.dumps({"card": raw, "n": 1})) == {
        "card": jsonio.loads(text), "n": 1}
    if backend == "orjson":  # copied, not parsed
        assert raw._value is None
        assert jsonio.dumps({"card": raw}) == b'{"card":' + text.encode() + b"}"
    assert raw["fit"] == 69.9 and dict(raw) == jsonio.loads(text) == raw
    assert jsonio.loads(jsonio.dumps(raw)) == jsonio.loads(text)  # parsed: written from the value
