"""Mojibake repair (skillmix.io.mojibake), on lines copied from the LiveCareer résumés
that have it (the résumé each comes from is named) and on clean text that must not move.

Every expected string was read off the PDF by eye, not produced by the code under test.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.io import read_document
from skillmix.io.mojibake import _IMPLAUSIBLE, repair_mojibake
from skillmix.io.text import clean_text

# (résumé, the line as the PDF reader gives it, the line repaired)
REAL = [
    # lossless: every byte is there
    ("ADVOCATE-10818478", "Received numerous â€œexceeds expectationsâ€ ratings on performance reviews.",
     "Received numerous “exceeds expectations” ratings on performance reviews."),
    ("TEACHER-24791126", "ProducciÃ³n, ProgramaciÃ³n, QuÃmica, QuÃmico, Sas, Seguridad, ToxicologÃa,",
     "Producción, Programación, Química, Químico, Sas, Seguridad, Toxicología,"),
    ("TEACHER-58105060", "Word, Excel, and PowerPoint Ã¢â‚¬Â¢Advanced knowledge and skills in",
     "Word, Excel, and PowerPoint •Advanced knowledge and skills in"),
    ("TEACHER-58105060", "materials to meet the ELL studentsÃ¢â‚¬â„¢ needs Conducted a case study",
     "materials to meet the ELL students’ needs Conducted a case study"),
    ("BANKING-23323001", "set strategic plan â—¦ project manage plan for coming year â—¦",
     "set strategic plan ◦ project manage plan for coming year ◦"),
    # lossy: a closing quote whose 0x9D was dropped
    ("ADVOCATE-15958967", "Reducing school athlete injuries.â€Â Chicago Tribune (2016)",
     "Reducing school athlete injuries.” Chicago Tribune (2016)"),
    ("FITNESS-70603826", "Considered a â€œpeople personâ€ & a â€œteam playerâ€",
     "Considered a “people person” & a “team player”"),
    ("APPAREL-31761591", "Take the sales process beyond the â€œcloseâ€ and through",
     "Take the sales process beyond the “close” and through"),
    ("PUBLIC-RELATIONS-11635137", "as â€œCinderella,â€ â€œJungle Book II,â€ â€œAnnie,â€ and",
     "as “Cinderella,” “Jungle Book II,” “Annie,” and"),
    ("SALES-42304307", "Smiles and Says Hi!â€Â Greets all customers and Associates",
     "Smiles and Says Hi!” Greets all customers and Associates"),
    ("PUBLIC-RELATIONS-65237556", 'Participation in the forum "Youth Proposalâ€',
     'Participation in the forum "Youth Proposal”'),
    ("FINANCE-18024825", "Nanotubes and Utilization Thereof,â€ US 20050276743 A1",
     "Nanotubes and Utilization Thereof,” US 20050276743 A1"),
    # lossy: a hyphen (U+2010) whose 0x90 was dropped
    ("PUBLIC-RELATIONS-49119887", "â€¢ Oversee multiâ€channel messaging and communications",
     "• Oversee multi‐channel messaging and communications"),
    ("PUBLIC-RELATIONS-49119887", "â€¢ Marketing or public relationsâ€related degree",
     "• Marketing or public relations‐related degree"),
    ("PUBLIC-RELATIONS-49119887", "campaigns, promotions, partnerships, onâ€ and offpremise events",
     "campaigns, promotions, partnerships, on‐ and offpremise events"),
    # lossy: a soft hyphen (C2 AD) whose AD the PDF did not draw
    ("PUBLIC-RELATIONS-12920612", "Conferred with production, graphic design and webÂdesign personnel",
     "Conferred with production, graphic design and web-design personnel"),
    ("PUBLIC-RELATIONS-12920612", "Managed the inÂhouse advertising program consisting of print",
     "Managed the in-house advertising program consisting of print"),
    ("ARTS-28471099", "System Integration ÂTechnology Deployment - Process Improvement",
     "System Integration Technology Deployment - Process Improvement"),
    ("ARTS-28471099", "students in 4 public sites ÂDeveloped 'Quik' Time Training' program",
     "students in 4 public sites Developed 'Quik' Time Training' program"),
    ("ARTS-28471099", "Change Management Â Consulting Â‐\nProvide technology support",
     "Change Management Consulting ‐\nProvide technology support"),
    ("PUBLIC-RELATIONS-25413261", "relationships with the media Âincluding local and national newspapers",
     "relationships with the media including local and national newspapers"),
    # lossy: í (C3 AD) whose AD the PDF did not draw
    ("CHEF-33964275", "Flagstaff Nuestras RaÃces, which is dedicated to promoting",
     "Flagstaff Nuestras Raíces, which is dedicated to promoting"),
    ("PUBLIC-RELATIONS-31220062", "University Of Puerto Rico RÃo Piedras",
     "University Of Puerto Rico Río Piedras"),
]

# Text that must come back as it is: words spelt with Â, â, Ã, capitals next to curly
# punctuation (what a careless decoder turns into IPA or Cyrillic), a Cyrillic name.
CLEAN = [
    "Pâté de campagne, Câmara Municipal de São João, CÂMARA DOS DEPUTADOS",
    "L'Âge de raison; Moyen Âge; ÂGE; Âme",
    "JOÃO SILVA, IRMÃ DULCE, São Paulo",
    "the “CAFÉ” sign, CAFÉ–BAR, “Fuß” and “ESPAÑA”, PEÑA’S team",
    "Сергей Иванов, Ελένη, a • bullet — dash… and “quotes” ‘too’",
    "Ø”, Ö’ and ß” stay",
]


@pytest.mark.parametrize(("source", "broken", "repaired"), REAL, ids=[f"{r[0]}-{i}" for i, r in enumerate(REAL)])
def test_mojibake_real_lines_repaired(source, broken, repaired):
    assert clean_text(broken) == repaired


@pytest.mark.parametrize("text", CLEAN)
def test_mojibake_clean_text_untouched(text):
    assert repair_mojibake(text) == text


def test_mojibake_cyrillic_run_repaired_lone_character_not():
    name = "Сергей"
    assert repair_mojibake(name.encode("utf-8").decode("cp1252")) == name
    assert repair_mojibake("ESPAÑA” and PEÑA’S") == "ESPAÑA” and PEÑA’S"


def test_mojibake_off_leaves_it():
    line = REAL[0][1]
    assert clean_text(line, repair=False) == line


# the characters the repair's rules look at, to meet each other more often than at random
_NEAR = st.sampled_from(list("abcXY .,\n-ÂÃâéÉèüñÑçßØí–—“”‘’•…€™◦ΑλЖж\u00a0\u00ad"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)
       | st.text(alphabet=_NEAR, max_size=40))
def test_mojibake_utf8_read_as_cp1252_round_trips(text):
    # text the repair leaves alone, read as cp1252 with every byte kept (none of the five
    # cp1252 leaves undefined), comes back (text that itself looks like mojibake, a lone
    # "Â" or "Â\xa0", may not: it is what the mojibake of something else looks like)
    raw = text.encode("utf-8")
    if any(b in raw for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)) or repair_mojibake(text) != text:
        return
    if _IMPLAUSIBLE.search(text):  # a lone IPA, Cyrillic... letter is refused by design
        return
    broken = raw.decode("cp1252")
    if broken == text:
        return
    assert repair_mojibake(broken) == text


def test_mojibake_reader_spans_point_into_repaired_text():
    data = "Skills\nOversee multiâ€channel marketing and webÂdesign for the â€œbrandâ€ team\n".encode()
    doc = read_document(data, name="cv.txt", kind="resume", sandbox=False)
    assert "multi‐channel marketing" in doc.text
    assert "web-design" in doc.text and "“brand” team" in doc.text
    from skillmix.extract import Extractor

    found = {m.skill_id: doc.text[m.start:m.end] for m in Extractor("builtin").extract(doc).mentions}
    assert found.get("multichannel-marketing") == "multi‐channel marketing"


BROKEN = "Oversee multiâ€channel campaigns for the cafÃ© brand, â€œalways onâ€ social"
FIXED = "Oversee multi‐channel campaigns for the café brand, “always on” social"


@pytest.mark.parametrize("fmt", ["txt", "html", "jsonld", "html+jsonld", "docx", "jsonresume"])
def test_mojibake_every_format_repaired_text_and_title(fmt, docx_bytes):
    title = "Social Media Manager â€“ EMEA"
    posting = {"@context": "https://schema.org", "@type": "JobPosting", "title": title,
               "description": f"<p>{BROKEN}</p>"}
    if fmt == "txt":
        data, name = f"{title}\n{BROKEN}\n".encode(), "job.txt"
    elif fmt == "html":
        data, name = f"<html><head><title>{title}</title></head><body><p>{BROKEN}</p></body></html>".encode(), "job.html"
    elif fmt == "jsonld":
        data, name = json.dumps(posting, ensure_ascii=False).encode(), "job.json"
    elif fmt == "html+jsonld":
        page = f"<html><head><script type='application/ld+json'>{json.dumps(posting)}</script></head><body>x</body></html>"
        data, name = page.encode(), "job.html"
    elif fmt == "docx":
        data, name = docx_bytes([title, BROKEN]), "job.docx"
    else:
        resume = {"basics": {"name": title, "summary": BROKEN}}
        data, name = json.dumps(resume, ensure_ascii=False).encode(), "cv.json"
    doc = read_document(data, name=name, sandbox=False)
    assert FIXED in doc.text
    assert "â€" not in doc.text
    assert doc.title == "Social Media Manager – EMEA"


# ------------------------------------------------------------ shared data (skips cleanly)


@pytest.mark.shared
def test_mojibake_postings_unchanged(shared_posting_texts):
    texts = shared_posting_texts
    assert len(texts) > 2900
    assert [t for t in texts if repair_mojibake(t) != t] == []


@pytest.mark.shared
@pytest.mark.parametrize("name", ["PUBLIC-RELATIONS/49119887", "PUBLIC-RELATIONS/12920612", "TEACHER/24791126"])
def test_mojibake_none_left_in_affected_resumes(shared_data, name):
    path = shared_data / "resumes" / "livecareer" / f"{name}.pdf"
    if not path.is_file():
        pytest.skip(f"{path} not in this copy of the shared data")
    text = read_document(path, kind="resume", sandbox=False).text
    assert not any(mark in text for mark in ("â€", "Â", "Ã"))
