"""``skillmix eval esco-linking`` on a tiny benchmark, ESCO slice and label space."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from skillmix.cli.eval import eval_group


def _write_esco(path, concepts) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["conceptUri", "preferredLabel", "altLabels", "description", "hierarchy", "labelsComplete"])
        for c in concepts:
            w.writerow([c.uri, c.label, "\n".join(c.alt_labels), c.description, "[['S', 'S1']]", "yes"])


def test_cli_eval_esco_linking_prints_metrics(encoder, tiny_esco, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SKILLMIX_CACHE_DIR", str(tmp_path / "cache"))
    esco = tmp_path / "skills_en.csv"
    _write_esco(esco, tiny_esco)
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(c.label for c in tiny_esco) + "\n", encoding="utf-8")
    bench = tmp_path / "bench.csv"
    bench.write_text(
        "sentence,span,sub_span,label\n"
        "Strong knowledge of SQL,SQL,,SQL\n"
        "We bake croissants daily,bake croissants,,bake pastry\n"
        "We bake croissants daily,daily,,LABEL NOT PRESENT\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        eval_group, ["esco-linking", str(bench), "--labels", str(labels), "--esco", str(esco)]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert {"RP@1", "RP@5", "RP@10", "MRR", "n", "sentences_per_second"} <= out.keys()
    assert out["n"] == 2 and out["RP@1"] == 100.0 and out["MRR"] == 1.0


def test_cli_eval_esco_linking_reads_sentence_level_file(encoder, tiny_esco, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SKILLMIX_CACHE_DIR", str(tmp_path / "cache"))
    esco = tmp_path / "skills_en.csv"
    _write_esco(esco, tiny_esco)
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(c.label for c in tiny_esco) + "\n", encoding="utf-8")
    bench = tmp_path / "techwolf.csv"
    bench.write_text(
        "sentence,label\n"
        "Strong knowledge of SQL,SQL\n"
        "We bake croissants daily,bake pastry\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        eval_group, ["esco-linking", str(bench), "--labels", str(labels), "--esco", str(esco)]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["n"] == 2 and out["RP@1"] == 100.0


def test_cli_eval_esco_linking_reports_unknown_layout(tmp_path, capsys) -> None:
    import pytest

    from skillmix.cli.main import main

    bench = tmp_path / "other.csv"
    bench.write_text("text,skill\nStrong SQL,SQL\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["eval", "esco-linking", str(bench)])
    err = capsys.readouterr().err
    assert exc.value.code == 1
    assert err.startswith("error: [D302]") and "other.csv" in err and "Traceback" not in err
