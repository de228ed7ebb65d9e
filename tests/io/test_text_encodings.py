"""Wrong, legacy and mixed encodings decode to the right text; the choice is recorded."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.errors import DocumentError
from skillmix.io import read_document
from skillmix.io.text import clean_text, decode_bytes

SAMPLE = "Résumé of Zoë Müller\nExperience\nCafé manager – “front of house” 2019 - 2021\nSkills: naïve Bayes, façade design\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
def test_text_legacy_encodings_decode(encoding):
    text = SAMPLE if encoding != "latin-1" else SAMPLE.replace("–", "-").replace("“", '"').replace("”", '"')
    doc = read_document(text.encode(encoding), name="cv.txt", sandbox=False)
    assert doc.text == clean_text(text)
    assert "Zoë Müller" in doc.text


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8")])
def test_text_bom_encodings_decode(bom, encoding):
    doc = read_document(bom + SAMPLE.encode(encoding), name="cv.txt", sandbox=False)
    assert doc.text == clean_text(SAMPLE)


def test_text_utf16_without_bom_decodes():
    doc = read_document(SAMPLE.encode("utf-16-le"), name="cv.txt", sandbox=False)
    assert "Zoë Müller" in doc.text


def test_text_mixed_utf8_and_cp1252_lines():
    data = "Zoë Müller – Résumé\n".encode("utf-8") + "Café manager – “front of house”\n".encode("cp1252")
    doc = read_document(data, name="mixed.txt", sandbox=False)
    assert doc.text == "Zoë Müller – Résumé\nCafé manager – “front of house”"
    assert doc.metadata["encoding"].startswith("mixed")


def test_text_mojibake_is_repaired():
    broken = "Manager â€“ â€œSocialâ€\x9d team, cafÃ© Company Name ï¼ City , State"
    assert clean_text(broken) == "Manager – “Social” team, café Company Name , City , State"


def test_text_bad_bom_is_d110():
    with pytest.raises(DocumentError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa ok", "x.txt")
    assert info.value.code == "D110"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_text_any_bytes_end_in_document_or_coded_error(data):
    try:
        doc = read_document(data, name="fuzz.bin", sandbox=False)
    except DocumentError as err:
        assert err.code.startswith("D1")
    else:
        assert doc.text.strip()
        for sec in doc.sections:
            assert 0 <= sec.start < sec.end <= len(doc.text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_text_any_text_in_any_encoding_roundtrips_words(text):
    for enc in ("utf-8", "utf-16"):
        try:
            doc = read_document(text.encode(enc, "surrogatepass"), name="t.txt", sandbox=False)
        except DocumentError as err:
            assert err.code in ("D113", "D101", "D110", "D116")
            continue
        words = [w for w in clean_text(text).split() if w.isalpha()]
        for w in words[:20]:
            assert w in doc.text or enc == "utf-16"
