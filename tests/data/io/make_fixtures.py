"""Regenerate the binary fixtures of tests/data/io (run from anywhere):

    python tests/data/io/make_fixtures.py

``resume.docx``: a small résumé with a heading style, bullets and a skills table.
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent


def make_resume_docx(path: Path) -> None:
    doc = docx.Document()
    doc.core_properties.title = "Sam Rivera - Resume"
    doc.add_paragraph("Sam Rivera")
    doc.add_paragraph("Brooklyn, NY | sam@example.org")
    doc.add_heading("Summary", level=1)
    doc.add_paragraph("Social media strategist with seven years of community and paid social work.")
    doc.add_heading("Work Experience", level=1)
    doc.add_paragraph("Senior Social Media Strategist, Brightline Media | Mar 2021 – Present")
    doc.add_paragraph("Grew TikTok and Instagram audiences from 20k to 410k followers.", style="List Bullet")
    doc.add_paragraph("Built Looker Studio dashboards for paid social ROAS.", style="List Bullet")
    doc.add_paragraph("Community Manager, Northwind Games | 06/2017 to 02/2021")
    doc.add_paragraph("Moderated Discord and Reddit communities of 50k members.", style="List Bullet")
    doc.add_heading("Skills", level=1)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Platforms"
    table.cell(0, 1).text = "TikTok, Instagram, YouTube, Discord"
    table.cell(1, 0).text = "Analytics"
    table.cell(1, 1).text = "Google Analytics 4, Looker Studio, SQL"
    doc.add_heading("Education", level=1)
    doc.add_paragraph("BA Media Studies, Hunter College, 2017")
    doc.save(path)


if __name__ == "__main__":
    make_resume_docx(HERE / "resume.docx")
    print("wrote", HERE / "resume.docx")
