"""Years written in months bind to one skill, in its own list item and line.

The Kaggle lines are quoted verbatim from the résumé export
(../shared/data/resumes/kaggle_updated_resume_dataset.csv, rows named below); the
tests do not need the shared folder itself. That copy spells the label "Experience";
the site's own misspelling "Exprience" is tested on the same lines.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.extract import get_extractor
from skillmix.extract.months import month_figures


def _years(text: str) -> list[tuple[str, str, float | None]]:
    ext = get_extractor("builtin").extract(text, kind="resume")
    return [(m.skill_id, m.surface, m.years) for m in ext.mentions]


# the "Skill Details" block of three Kaggle rows (Data Science, Ernst & Young; Data
# Science, Matelabs; Data Science Consultant, Deloitte USI)
_ERNST = ("Skill Details \nJAVASCRIPT- Experience - 24 months\njQuery- Experience - 24 months\n"
          "Python- Experience - 24 monthsCompany Details \ncompany - Ernst & Young LLP")
_MATELABS = ("Skill Details \nPython- Experience - Less than 1 year months\n"
             "Statsmodels- Experience - 12 months\nAWS- Experience - Less than 1 year months\n"
             "Machine learning- Experience - Less than 1 year months\n"
             "Sklearn- Experience - Less than 1 year months\n"
             "Keras- Experience - Less than 1 year monthsCompany Details \ncompany - Matelabs")
_DELOITTE = ("Skill Details \nLINEAR PROGRAMMING- Experience - 6 months\nRETAIL- Experience - 6 months\n"
             "SCM- Experience - 6 months\nSQL- Experience - Less than 1 year months\n"
             "Deep Learning- Experience - Less than 1 year months\n"
             "Python- Experience - Less than 1 year months\n"
             "R- Experience - Less than 1 year monthsCompany Details \ncompany - Deloitte USI")


@pytest.mark.parametrize("label", ["Experience", "Exprience"])
def test_months_kaggle_skill_list_reads_months_as_years(label: str) -> None:
    got = _years(_ERNST.replace("Experience", label))
    assert got == [("javascript", "JAVASCRIPT", 2.0), ("python", "Python", 2.0)]


@pytest.mark.parametrize("label", ["Experience", "Exprience"])
def test_months_less_than_a_year_claims_no_years(label: str) -> None:
    """A ceiling, not a floor: no number is made up for it. On main, "SQL- Experience -
    Less than 1 year months" gave SQL 1.0 (the "1 year" read as at least one)."""
    for text in (_MATELABS, _DELOITTE):
        got = _years(text.replace("Experience", label))
        assert got and all(years is None for _, _, years in got), got


def test_months_kaggle_ledger_binds_the_whole_item_before_its_label() -> None:
    # rows of the Hadoop and Database categories
    text = ("Skill Details \nAPACHE HADOOP HDFS- Experience - 49 months\n"
            "APACHE HADOOP SQOOP- Experience - 31 months\n"
            "MS SQL SERVER 2000- Experience - 6 monthsCompany Details")
    assert _years(text) == [("apache-hadoop", "APACHE HADOOP", 4.1), ("apache-hadoop", "HDFS", 4.1),
                            ("apache-hadoop", "APACHE HADOOP", 2.6),
                            ("relational-databases", "MS SQL SERVER", 0.5)]


def test_months_kaggle_comma_list_binds_the_last_item_only() -> None:
    """"Hadoop,Spark,Sqoop,Hive,Flume,Pig- Experience - 24 months": the commas make
    items, and a figure never binds to a skill in another item."""
    assert _years("Skill Details \nHadoop,Spark,Sqoop,Hive,Flume,Pig- Experience - 24 months") == [
        ("apache-hadoop", "Hadoop", None), ("apache-spark", "Spark", None), ("apache-hive", "Hive", None)]
    got = _years("Skill Details \nAsp.Net,C#, HTML, CSS, SQL- Experience - 6 months")
    assert got == [("c-sharp", "C#", None), ("html", "HTML", None), ("css", "CSS", None),
                   ("sql", "SQL", 0.5)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Python (18 months)", [("python", 1.5)]),
    ("SQL – 6 months", [("sql", 0.5)]),
    ("SQL: 31 months", [("sql", 2.6)]),
    ("Tableau - 6 mos", [("tableau", 0.5)]),
    ("18 months of Python", [("python", 1.5)]),
    ("18 months' experience with SQL", [("sql", 1.5)]),
    ("I have 18 months of experience in Python.", [("python", 1.5)]),
    ("Python (less than a year)", [("python", None)]),
    # the years forms are read as before
    ("Microsoft Excel (5 years)", [("microsoft-excel", 5.0)]),
    ("SQL – 3 yrs", [("sql", 3.0)]),
])
def test_months_forms_written_against_the_skill(text: str, expected: list) -> None:
    assert [(sid, years) for sid, _, years in _years(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a figure in a neighbouring item
    ("Skills: Python (18 months), SQL", [("python", 1.5), ("sql", None)]),
    ("Excel, SQL – 6 months", [("microsoft-excel", None), ("sql", 0.5)]),
    ("18 months of Python, SQL", [("python", 1.5), ("sql", None)]),
    # a figure on the next line, even where the sentence wraps onto it
    ("Skills\nTableau\n(24 months)", [("tableau", None)]),
    ("Designed weekly reporting dashboards in Tableau\nexperience - 24 months",
     [("dashboards", None), ("tableau", None)]),
    # a figure that leads the next skill is not the span of the one before it
    ("SQL 6 months of Python", [("sql", None), ("python", 0.5)]),
])
def test_months_never_bind_across_items_or_lines(text: str, expected: list) -> None:
    assert [(sid, years) for sid, _, years in _years(text)] == expected


@pytest.mark.parametrize("text", [
    "Data Analyst, Acme Corp (24 months)\nUsed Python and SQL daily.",
    "Jan 2016 to Dec 2017 (24 months) - Python developer",
    "Worked 24 months of internship using Python.",
    "A 6-month contract building Python tools.",
    "Python developer (24 months)",
    # a role's span after its name: the role credits it, not a claim of the skill
    "Social Media Manager (24 months)",
    "Graphic Designer (6 months)",
])
def test_months_of_a_role_or_contract_are_no_skill_years(text: str) -> None:
    got = _years(text)
    assert got and all(years is None for _, _, years in got), got


def test_months_less_than_a_year_is_no_floor_for_the_sentence() -> None:
    """The "1 year" inside "Less than 1 year" gave every mention of the sentence a year."""
    assert _years("Skills: Python, SQL- Experience - Less than 1 year months") == [
        ("python", "Python", None), ("sql", "SQL", None)]
    assert _years("Created twelve online training classes in less than one year. "
                  "Skills Used Public Speaking") == [("public-speaking", "Public Speaking", None)]


def test_months_figures_from_cues() -> None:
    """A unit needs a whole number right before it; "6-month" is an adjective, a comma
    belongs to a bigger number, and nothing over 40 years counts."""
    text = "24 months, 6 mos, 6-month, 1,200 months, 481 months, 0 months, Less than 1 year months"
    cues = [(m.start(), m.end(), "months") for m in re.finditer(r"months|mos|month", text)]
    at = text.index("Less")
    cues.append((at, at + len("Less than 1 year"), "under_a_year"))
    cues.sort()
    got = [(text[f.start:f.end], f.years) for f in month_figures(text, cues)]
    assert got == [("24 months", 2.0), ("6 mos", 0.5), ("Less than 1 year months", None)]


_PIECES = st.sampled_from([
    "Python", "SQL", "Tableau", "Excel", " ", "- Experience - ", "- Exprience - ", "24 months",
    "6 months", " - Less than 1 year months", " of ", ", ", "; ", "\n", "(", ")", ":", " and ",
    "developer", "a" * 41,
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_months_bind_only_inside_their_own_item(text: str) -> None:
    """Whatever the arrangement, a mention with years holds a figure in months in its own
    list item on its own line (the pieces hold no "years")."""
    ext = get_extractor("builtin").extract(text, kind="resume")
    for m in ext.mentions:
        if m.years is None:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        at = m.start - line_start
        lo = max(line.rfind(c, 0, at) for c in ",;|") + 1
        his = [i for i in (line.find(c, at) for c in ",;|") if i >= 0]
        item = line[lo:min(his) if his else len(line)]
        assert re.search(r"\d+ months", item), (text, m.surface, m.years)
