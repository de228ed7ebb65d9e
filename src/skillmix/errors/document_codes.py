"""Error codes of reading documents and corpora (``D``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import DocumentError, ErrorCode

__all__ = [
    "D101", "D102", "D103", "D104", "D105", "D106", "D107", "D108", "D109", "D110", "D111",
    "D112", "D113", "D114", "D115", "D116", "D117", "D118", "D119", "D190", "D301", "D302",
    "D303",
]

D101 = ErrorCode("D101", DocumentError, "Unsupported document type.",
                 "Pass a PDF, DOCX, HTML, text, Markdown or JSON file.")
D102 = ErrorCode("D102", DocumentError, "PDF has no extractable text (scanned image?).",
                 "Run OCR first or pass a text version.")
D103 = ErrorCode("D103", DocumentError, "PDF is encrypted.",
                 "Remove the password and save an unprotected copy.")
D104 = ErrorCode("D104", DocumentError, "Document is over a size limit.",
                 "Split the file into smaller documents and pass those. The limit is a library "
                 "setting (ReadLimits.max_bytes / max_text_chars, for trusted input in Python); "
                 "the CLI and the API keep it.")
D105 = ErrorCode("D105", DocumentError, "Reading took too long and was stopped.",
                 "Check the file (re-save it from its editor), or split it. The limit is a "
                 "library setting (ReadLimits.max_seconds, in Python); the CLI and the API "
                 "keep it.")
D106 = ErrorCode("D106", DocumentError, "Reading ran out of memory and was stopped.",
                 "Check the file (re-save it from its editor), or split it. The limit is a "
                 "library setting (ReadLimits.max_memory_mb, in Python); the CLI and the API "
                 "keep it.")
D107 = ErrorCode("D107", DocumentError, "Archive looks like a decompression bomb.",
                 "Re-save the document from its editor; do not pass untrusted archives.")
D108 = ErrorCode("D108", DocumentError, "XML declares a DOCTYPE or entities, which are refused.",
                 "Re-save the document from its editor.")
D109 = ErrorCode("D109", DocumentError, "Document is corrupt or truncated.",
                 "Re-export or re-download the file.")
D110 = ErrorCode("D110", DocumentError, "Text encoding could not be determined.",
                 "Save the file as UTF-8.")
D111 = ErrorCode("D111", DocumentError, "File could not be opened.",
                 "Check the path and its permissions.")
D112 = ErrorCode("D112", DocumentError, "The reader process crashed.",
                 "The file is probably malformed; re-export it.")
D113 = ErrorCode("D113", DocumentError, "Document has no text.",
                 "Pass a document with text in it.")
D114 = ErrorCode("D114", DocumentError, "Corpus row is invalid.",
                 "Fix the row or the column mapping.")
D115 = ErrorCode("D115", DocumentError, "Corpus columns do not fit the mapping.",
                 "Name the column with --column FIELD=NAME (extract, assess, rank, market "
                 "run; field_columns= from Python) or pass a preset.")
D116 = ErrorCode("D116", DocumentError, "JSON is not valid or not a known document shape.",
                 "Pass JSON Resume, schema.org JobPosting or HR Open LER-RS.")
D117 = ErrorCode("D117", DocumentError, "Text is over the extraction limit.",
                 "Split the document. The limit is a library setting (ExtractLimits.max_chars, "
                 "for trusted input in Python); the CLI and the API keep it.")
D118 = ErrorCode("D118", DocumentError, "Extraction found more mentions than the limit.",
                 "This is not one résumé or posting; split it.")
D119 = ErrorCode("D119", DocumentError, "Extraction took too long.",
                 "Split the document. The limit is a library setting (ExtractLimits.max_seconds, "
                 "in Python); the CLI and the API keep it.")
D190 = ErrorCode("D190", DocumentError, "An uploaded document has no text.",
                 "Upload a file with text (run OCR on scans first).")
D301 = ErrorCode("D301", DocumentError, "The linker benchmark file cannot be read.",
                 "Pass a CSV with columns sentence, span, sub_span, label (or sentence, label).")
D302 = ErrorCode("D302", DocumentError, "The linker benchmark file lacks expected columns.",
                 "Check the file is in the Decorte benchmark format.")
D303 = ErrorCode("D303", DocumentError, "The linker benchmark has no scorable row.",
                 "Check the label column holds ESCO preferred labels.")
