"""``skillmix eval skills``: extraction against annotated gold documents (skill-set
precision, recall and F1 per document kind, posting requirement accuracy, consumer-usage
agreement, and the misses and false positives per document)."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import BatchReport
from .output import emit_json
from ..errors.extraction_codes import E052

__all__ = ["skills"]


def _find_doc(docs: Path, doc_id: str) -> Path | None:
    for suffix in (".txt", ".md", ".pdf", ".docx", ".html", ".json", ""):
        path = docs / f"{doc_id}{suffix}"
        if path.is_file():
            return path
    return None


@click.command(name="skills")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("docs", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--taxonomy", default="builtin", show_default=True,
              help="Taxonomy spec the gold ids come from.")
@click.option("--semantic", is_flag=True, help="Add the semantic fallback (slower).")
@click.option("--errors/--no-errors", default=True, show_default=True,
              help="List the misses and false positives per document.")
def skills(gold: Path, docs: Path, taxonomy: str, semantic: bool, errors: bool) -> None:
    """Score extraction on GOLD (JSONL: one document a line with its credited skills) over
    the documents in DOCS (named by the gold's ``doc`` ids) and print JSON."""
    from ..errors import SkillmixError
    from ..extract import Extractor
    from ..extract.evaluate import evaluate_skills, load_gold
    from ..io import read_document

    records = load_gold(gold)
    extractor = Extractor(taxonomy, semantic=semantic)
    report = BatchReport()
    found = {}
    for g in records:
        path = _find_doc(docs, g.doc)
        try:
            if path is None:
                raise E052(f"no document named {g.doc}.* in the folder.",
                           source=str(docs))
            kind = g.kind if g.kind in ("posting", "resume") else None
            found[g.doc] = extractor.extract(read_document(path, kind=kind))  # type: ignore[arg-type]
        except SkillmixError as err:
            report.record(g.doc, err, "collect")
            continue
        report.done += 1
    if not found:
        raise E052(f"none of the gold's {len(records)} documents is in the folder.",
                   source=str(docs), hint="DOCS must hold files named by the gold's doc ids.")
    result = evaluate_skills([g for g in records if g.doc in found], lambda g: found[g.doc])
    out = result.as_dict()
    if not errors:
        for key in ("misses", "false_positives", "requirement_errors"):
            out.pop(key)
    out["report"] = report.to_dict()
    emit_json(out)
