"""Error codes of taxonomies and the ESCO linker (``T``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import NotFoundError, TaxonomyError, ErrorCode

__all__ = [
    "T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009", "T010", "T011",
    "T012", "T013", "T014", "T020", "T190", "T301", "T302", "T303", "T304", "T305", "T306",
    "T307",
]

T001 = ErrorCode("T001", TaxonomyError, "A taxonomy file cannot be read.",
                 "Check the path, or run `skillmix taxonomy list` for the built-in names.")
T002 = ErrorCode("T002", TaxonomyError,
                 "A taxonomy file is malformed (not YAML, no skills, or a skill without an "
                 "id or label).")
T003 = ErrorCode("T003", TaxonomyError, "A taxonomy field that should be a list of strings is not.")
T004 = ErrorCode("T004", TaxonomyError, "A taxonomy skill has unknown keys.")
T005 = ErrorCode("T005", TaxonomyError, "A taxonomy area has no id.")
T006 = ErrorCode("T006", TaxonomyError, "A taxonomy area's side is not tech, comm or neutral.")
T007 = ErrorCode("T007", TaxonomyError, "A taxonomy defines a skill id twice.")
T008 = ErrorCode("T008", TaxonomyError, "A standard taxonomy export lacks expected columns.",
                 "Pass the publisher's CSV export unchanged.")
T009 = ErrorCode("T009", TaxonomyError, "A standard taxonomy export holds no skills.")
T010 = ErrorCode("T010", TaxonomyError, "A skill names an area its taxonomy does not define.",
                 "Add the area under 'areas:' or fix the skill's 'area'.")
T011 = ErrorCode("T011", TaxonomyError,
                 "Lightcast Open Skills are not shipped (licence); pass the file.",
                 "Pass lightcast:PATH to your open_skills.csv or set $SKILLMIX_LIGHTCAST.")
T012 = ErrorCode("T012", TaxonomyError, "A taxonomy spec is unknown or empty.")
T013 = ErrorCode("T013", TaxonomyError, "A taxonomy spec names the same taxonomy twice.")
T014 = ErrorCode("T014", TaxonomyError, "A taxonomy extends itself (directly or through others).",
                 "Make 'extends:' name a different taxonomy.")
T020 = ErrorCode("T020", NotFoundError, "No skill with this id is in the taxonomy.",
                 "Use `skillmix taxonomy search TEXT` to find its id.")
T190 = ErrorCode("T190", NotFoundError, "No taxonomy with this name is on the server.")
T301 = ErrorCode("T301", TaxonomyError, "The sentence model cannot be read.")
T302 = ErrorCode("T302", TaxonomyError, "An ESCO skills file lacks expected columns.",
                 "Pass an ESCO skills_en.csv export.")
T303 = ErrorCode("T303", TaxonomyError, "An ESCO skills file cannot be read.",
                 "Check the path, or reinstall skillmix for the shipped copy.")
T304 = ErrorCode("T304", TaxonomyError, "An ESCO skills file has no rows.")
T305 = ErrorCode("T305", TaxonomyError, "The linker's label space is empty.",
                 "Give at least one label.")
T306 = ErrorCode("T306", TaxonomyError, "A linker label file cannot be read.",
                 "Pass a text file with one ESCO preferred label per line.")
T307 = ErrorCode("T307", TaxonomyError,
                 "The static query encoder cannot be read or does not fit the student table.",
                 "Rebuild it with scripts/train_linker_student.py.")
