"""A document that does not read as English says so: the reader's names, negations and
requirement cues are English (a new-user trial's Spanish posting gave Salesforce as
required from "No se requiere experiencia con Salesforce", with no warning)."""

from __future__ import annotations

from types import SimpleNamespace

import subprocess
import sys

from skillmix.cli.output import language_note

SPANISH = ("Community Manager\nBuscamos un Community Manager con experiencia para gestionar "
           "nuestras redes sociales y crear contenido para Instagram y TikTok. Trabajarás con "
           "un equipo de 40 personas.\nRequisitos:\n- Al menos 3 años de experiencia como "
           "Community Manager.\n- No se requiere experiencia con Salesforce.\n- Se valorará "
           "experiencia con influencers y conocimientos de SEO.\n")
#: an English résumé written as keyword lists has few English function words
KEYWORDS = ("FLORAL DESIGNER\nSkills\nBillings, cash handling, cashier, creativity, Customer "
            "Service, Magic, POS\nExperience\nJan 2016 to Current\nCompany Name, City, State\n"
            "Floral Designer Jan 2016\nDesigner Jan 2015\nAny assigned errands/duties.\n"
            "Customer service.\nDesign work.\nEvent set up Magic City Floral, Billings, MT, 2015.\n"
            "Floral Designer, Delivery Driver Jan 2014 to Jan 2015\n")


def _note(text: str) -> str | None:
    return language_note(SimpleNamespace(text=text, source="x.txt"))


def test_language_note_names_another_language_only() -> None:
    assert _note(SPANISH) is not None and "does not read as English" in _note(SPANISH)
    assert _note(KEYWORDS) is None
    assert _note("Social Media Manager. You will run our Instagram and TikTok accounts, "
                 "write the posts and report on the results to the marketing team. " * 3) is None


def test_extract_warns_on_a_spanish_posting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "es.txt"
    f.write_text(SPANISH, encoding="utf-8")
    got = subprocess.run([sys.executable, "-m", "skillmix", "extract", str(f), "--csv"],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0
    assert "es.txt does not read as English" in got.stderr


def test_language_note_export_row_names_its_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A corpus row is a ``Posting`` (no ``source`` of its own): ``rank --candidate`` over a
    CSV with a Spanish row crashed with X500 (AttributeError) before the note was written."""
    import csv

    from click.testing import CliRunner

    from skillmix.cli.main import cli

    jobs = tmp_path / "jobs.csv"
    with jobs.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title", "description"])
        w.writerow(["Community Manager", SPANISH.replace("\n", " ") * 2])
        w.writerow(["Social Media Manager", "We are looking for a social media manager to run "
                    "our Instagram and TikTok channels with Hootsuite and report on analytics."])
    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Roe\nSummary\nSocial media manager. Ran Instagram and TikTok content "
                  "with Hootsuite and Canva; reported analytics weekly.\n", encoding="utf-8")
    got = CliRunner().invoke(cli, ["rank", "--candidate", str(cv), str(jobs), "--top", "2",
                                    "--no-explain", "--csv"])
    assert got.exit_code == 0, got.output
    assert "does not read as English" in got.output
