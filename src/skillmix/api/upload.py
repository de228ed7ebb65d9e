"""Multipart uploads read as a stream, with the size limit enforced as bytes arrive.

Why not FastAPI's ``UploadFile``: Starlette spools the whole body to disk before the route
runs, so a 5 GB upload would be accepted and written before anyone said no. Here the body
is fed chunk by chunk to python-multipart's parser; the declared ``Content-Length`` is
checked first, and the running total of the file part (and of the whole body) is checked
on every chunk, answering 413 (``[A413]``) the moment it goes over.

A form may send the document's text instead of a file (the UI's paste boxes): a field
named by ``text_field`` is read as the document, under the file's limit (not the
:data:`FIELD_LIMIT` of the other fields), and comes back as an :class:`Upload` with
``pasted`` set, so the route goes on exactly as for a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from .errors import PayloadTooLargeError
from ..errors.api_codes import A400, A410, A411, A414

__all__ = ["FIELD_LIMIT", "Upload", "read_upload"]

#: bytes allowed for the non-file form fields of one upload, all together
FIELD_LIMIT = 64 * 1024


@dataclass(frozen=True, slots=True)
class Upload:
    """The file part of a multipart upload (or its pasted text) and its text fields."""

    filename: str
    content_type: str
    data: bytes
    fields: dict[str, str] = field(default_factory=dict)
    #: the document came as pasted text (the ``text_field``), not a file: ``filename`` is
    #: empty, and the caller names it
    pasted: bool = False


class _Collector:
    def __init__(self, file_field: str, max_bytes: int, text_field: str | None = None) -> None:
        self.file_field = file_field
        self.text_field = text_field
        self.max_bytes = max_bytes
        self.fields: dict[str, str] = {}
        self.files: list[tuple[str, str, str, bytearray]] = []
        #: the pasted text's bytes, when the form sent ``text_field``
        self.text: bytearray | None = None
        self._hname = bytearray()
        self._hvalue = bytearray()
        self._headers: dict[str, bytes] = {}
        self._buf = bytearray()
        self._name = ""
        self._filename: str | None = None
        self._ctype = ""
        self._field_bytes = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": lambda d, s, e: self._hname.extend(d[s:e]),
            "on_header_value": lambda d, s, e: self._hvalue.extend(d[s:e]),
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self._headers, self._buf = {}, bytearray()
        self._name, self._filename, self._ctype = "", None, ""

    def header_end(self) -> None:
        self._headers[bytes(self._hname).decode("latin-1").lower()] = bytes(self._hvalue)
        self._hname, self._hvalue = bytearray(), bytearray()

    def headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get("content-disposition", b""))
        self._name = params.get(b"name", b"").decode("utf-8", "replace")
        raw = params.get(b"filename")
        self._filename = raw.decode("utf-8", "replace") if raw is not None else None
        self._ctype = self._headers.get("content-type", b"").decode("latin-1")

    def _is_text(self) -> bool:
        return self._filename is None and self.text_field is not None \
            and self._name == self.text_field

    def part_data(self, data: bytes, start: int, end: int) -> None:
        n = end - start
        if self._filename is not None or self._is_text():
            if len(self._buf) + n > self.max_bytes:
                raise PayloadTooLargeError.for_limit(self.max_bytes)
        else:
            self._field_bytes += n
            if self._field_bytes > FIELD_LIMIT:
                raise A414(f"form fields exceed {FIELD_LIMIT} bytes.",
                           hint="Send text as a file part instead.")
        self._buf.extend(data[start:end])

    def part_end(self) -> None:
        if self._filename is not None:
            self.files.append((self._name, self._filename, self._ctype, self._buf))
        elif self._is_text():
            self.text = self._buf
        else:
            self.fields[self._name] = bytes(self._buf).decode("utf-8", "replace")


async def read_upload(request: Request, max_bytes: int, file_field: str = "file",
                      text_field: str | None = None) -> Upload:
    """Read one file (form field ``file_field``) and the text fields of a multipart body;
    with ``text_field``, that field's text may stand for the file (``Upload.pasted``).

    Raises :class:`PayloadTooLargeError` (413) as soon as the file (or the text) passes
    ``max_bytes`` or the body passes ``max_bytes`` plus :data:`FIELD_LIMIT`;
    :class:`BadRequestError` (400) for a body that is not multipart, has no file part (nor
    text), or has both.
    """
    body_limit = max_bytes + FIELD_LIMIT
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > body_limit:
        raise PayloadTooLargeError.for_limit(max_bytes)
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise A400("expected a multipart/form-data body with a boundary.",
                   hint=f"Send the file as form field '{file_field}'.")
    sink = _Collector(file_field, max_bytes, text_field)
    total = 0
    try:
        parser = MultipartParser(boundary, sink.callbacks())  # type: ignore[arg-type]
        async for chunk in request.stream():
            total += len(chunk)
            if total > body_limit:
                raise PayloadTooLargeError.for_limit(max_bytes)
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except FormParserError as err:
        # the parser's own words name only positions and limits, never body bytes
        what = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        raise A411(f"the multipart body is malformed ({what}).",
                   hint=f"Send the file as form field '{file_field}' of a "
                        "well-formed multipart/form-data body.") from None
    found = [Upload(filename=filename, content_type=part_type, data=bytes(data),
                    fields=sink.fields)
             for name, filename, part_type, data in sink.files if name == file_field]
    if found and sink.text is not None:
        raise A400(f"the form sent both a file ({file_field!r}) and text ({text_field!r}).",
                   hint="Send one of them: the file, or its text.")
    if found:
        return found[0]
    if sink.text is not None:
        return Upload(filename="", content_type="text/plain; charset=utf-8",
                      data=bytes(sink.text), fields=sink.fields, pasted=True)
    also = f" (or its text as field '{text_field}')" if text_field else ""
    raise A410(f"no file part named {file_field!r} in the upload.",
               hint=f"Send the file as form field '{file_field}'{also}.")
