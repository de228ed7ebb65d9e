"""Inputs that cost far more than their size are refused with coded errors: text over the
extraction limits (CLI, API and library alike), stdin past the byte limit (read in chunks,
never whole), Parquet files whose footer or dictionary would decode to gigabytes, corrupt
Parquet, and JSONL lines with no end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from skillmix.errors import DocumentError
from skillmix.io.limits import ExtractLimits, extract_within, read_stream

TEXT = "Social media manager with SEO, Python and community management. " * 40


class Endless(io.RawIOBase):
    """A stream that never ends (like /dev/zero on stdin), counting what was read."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = 1 << 20 if n is None or n < 0 else n
        self.read_bytes += n
        return b"a" * n


def test_limits_stdin_is_refused_as_it_passes_the_limit() -> None:
    stream = Endless()
    with pytest.raises(DocumentError, match="D104"):
        read_stream(stream, 3 * 1024 * 1024)
    assert stream.read_bytes <= 3 * 1024 * 1024 + 1
    assert read_stream(io.BytesIO(b"abc"), 3) == b"abc"


def test_limits_extraction_chars_mentions_time() -> None:
    from skillmix.extract import as_document, get_extractor

    ex = get_extractor("builtin")
    doc = as_document(TEXT, kind="resume")
    assert extract_within(ex, doc).mentions
    with pytest.raises(DocumentError, match="D117"):
        extract_within(ex, doc, ExtractLimits(max_chars=100))
    with pytest.raises(DocumentError, match="D118"):
        extract_within(ex, doc, ExtractLimits(max_mentions=3))
    with pytest.raises(DocumentError, match="D119"):
        extract_within(ex, doc, ExtractLimits(max_seconds=1e-9))


def test_limits_workspace_refuses_before_storing(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    from skillmix.store import Store
    from skillmix.service import Workspace, WorkspaceSettings

    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    ws = Workspace(store, WorkspaceSettings(sandbox=False,
                                            extract_limits=ExtractLimits(max_chars=500)))
    with pytest.raises(DocumentError, match="D117"):
        ws.ingest(TEXT.encode(), filename="big.txt", kind="resume", actor="t")
    assert store.files.all_files() == []
    store.dispose()


def test_cli_extract_over_limit_is_one_coded_line(tmp_path: Path, capsys, monkeypatch) -> None:
    from skillmix.cli.main import main

    big = tmp_path / "big.txt"
    big.write_text(TEXT)
    from skillmix.io import limits

    # the CLI passes no limits: make the library's default small for this test
    monkeypatch.setattr(limits.extract_within, "__defaults__", (ExtractLimits(max_chars=100),))
    with pytest.raises(SystemExit) as done:
        main(["extract", str(big)])
    err = capsys.readouterr().err
    assert done.value.code == 1 and "[D117]" in err and "Traceback" not in err


def _parquet(tmp_path: Path, name: str, table) -> Path:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / name
    pq.write_table(table, path, compression="zstd")
    return path


def _bombs(tmp_path: Path) -> dict[str, Path]:
    pa = pytest.importorskip("pyarrow")
    big = "social media " * 80_000  # one ~1 MB value
    def repeated(n: int):  # type: ignore[no-untyped-def]
        return pa.DictionaryArray.from_arrays(pa.array([0] * n, pa.int32()), pa.array([big]))
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"PAR1" + bytes(range(256)) + b"PAR1")
    return {
        "rows": _parquet(tmp_path, "rows.parquet", pa.table({"description": repeated(200_000)})),
        "dictionary": _parquet(tmp_path, "dict.parquet", pa.table({"description": repeated(50_000)})),
        "nulls": _parquet(tmp_path, "nulls.parquet",
                          pa.table({"description": pa.array([None] * 3_000_000, pa.string())})),
        "corrupt": corrupt,
    }


@pytest.mark.parametrize("kind,code", [("rows", "D107"), ("dictionary", "D107"),
                                       ("nulls", "D107"), ("corrupt", "D109")])
def test_corpus_parquet_bombs_are_refused(tmp_path: Path, kind: str, code: str) -> None:
    from skillmix.io import read_corpus

    path = _bombs(tmp_path)[kind]
    assert path.stat().st_size < 10_000
    with pytest.raises(DocumentError, match=code):
        list(read_corpus(path, preset=None, mapping={"description": "description"},
                         on_error="raise"))


def test_corpus_parquet_normal_file_still_reads(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    from skillmix.io import read_corpus

    path = _parquet(tmp_path, "ok.parquet", pa.table({
        "description": [TEXT, TEXT[:200]], "title": ["Social Media Manager", "SEO lead"]}))
    posts = list(read_corpus(path, mapping={"description": "description", "title": "title"},
                             on_error="raise"))
    assert [p.title for p in posts] == ["Social Media Manager", "SEO lead"]


def test_corpus_jsonl_line_without_end_is_bounded(tmp_path: Path) -> None:
    from skillmix.io.corpus import _bounded_lines

    fh = io.StringIO(json.dumps({"description": TEXT[:300]}) + "\n" + "x" * 5000 + "\n{}\n")
    got = list(_bounded_lines(fh, limit=1000))
    assert got[0][1].startswith("{") and got[1][1] == ("long", 5001, 1000) and got[2] == (3, "{}\n")


@pytest.mark.parametrize("case", ["self-extending taxonomy", "bad --as-of", "empty folder",
                                  "corrupt parquet market run"])
def test_cli_hostile_arguments_are_one_coded_line(tmp_path: Path, capsys, case: str) -> None:
    from skillmix.cli.main import main

    demo = Path(__file__).resolve().parents[2] / "src" / "skillmix" / "demo"
    if case == "self-extending taxonomy":
        loop = tmp_path / "loop.yaml"
        loop.write_text(f"name: loop\nversion: '1'\nextends: {loop}\nareas: []\nskills: []\n")
        argv, code = ["extract", "--taxonomy", str(loop), str(demo / "resume.txt")], "T014"
    elif case == "bad --as-of":
        argv, code = ["rank", "--as-of", "2020-13-45", "--job", str(demo / "posting.html"),
                      str(demo / "resume.txt")], "C422"
    elif case == "empty folder":
        (tmp_path / "empty").mkdir()
        argv, code = ["extract", str(tmp_path / "empty")], "C002"
    else:
        pytest.importorskip("pyarrow")
        bad = tmp_path / "bad.parquet"
        bad.write_bytes(b"PAR1" + bytes(range(200)) + b"PAR1")
        argv, code = ["market", "run", str(bad), "--out", str(tmp_path / "out")], "D109"
    with pytest.raises(SystemExit) as done:
        main(argv)
    err = capsys.readouterr().err
    assert done.value.code == 1, err
    assert f"[{code}]" in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 1


def test_corpus_csv_line_without_end_is_refused(tmp_path: Path, monkeypatch) -> None:
    from skillmix.io import corpus, read_corpus

    monkeypatch.setattr(corpus, "MAX_LINE_CHARS", 1000)
    monkeypatch.setattr(corpus._csv_lines, "__defaults__", (1000,))
    path = tmp_path / "c.csv"
    path.write_text("id,description\n1,social media manager\n2," + "x" * 5000)
    with pytest.raises(DocumentError, match="D104"):
        list(read_corpus(path, mapping={"description": "description", "id": "id"}))
    path.write_text("id,description\n1,social media manager\n")
    assert len(list(read_corpus(path, mapping={"description": "description", "id": "id"}))) == 1
