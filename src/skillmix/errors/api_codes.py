"""Error codes of the HTTP API and the web UI (``A``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import (
    BadRequestError,
    ConfigError,
    ErrorCode,
    ForbiddenError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    SkillmixError,
    UnprocessableError,
)

__all__ = [
    "A101", "A102", "A103", "A104", "A110", "A111", "A120", "A400", "A403", "A404", "A405",
    "A406", "A410", "A411", "A413", "A414", "A420", "A421", "A422", "A423", "A424", "A429",
    "A500",
]

A101 = ErrorCode("A101", PermissionDeniedError, "This endpoint needs an API key.",
                 "Send 'Authorization: Bearer smk_...' or 'X-API-Key'.")
A102 = ErrorCode("A102", PermissionDeniedError, "The API key is malformed.",
                 "Send the whole key: smk_<id>_<secret>.")
A103 = ErrorCode("A103", PermissionDeniedError, "The API key is unknown, wrong or revoked.",
                 "Ask an admin for a new key.")
A104 = ErrorCode("A104", PermissionDeniedError, "The API key has expired.",
                 "Ask an admin to rotate it (POST /v1/keys/ID/rotate).")
A110 = ErrorCode("A110", NotFoundError, "No API key with this id.")
A111 = ErrorCode("A111", ConfigError, "A key's expiry is outside (0, 3650] days.")
A120 = ErrorCode("A120", PermissionDeniedError, "The form's CSRF token is missing or wrong.",
                 "Reload the page and submit the form again.")
A400 = ErrorCode("A400", BadRequestError, "The request is malformed (headers or body).")
A403 = ErrorCode("A403", ForbiddenError,
                 "The API key lacks the scope the endpoint or page needs.",
                 "Ask an admin for a key with that scope.")
A404 = ErrorCode("A404", NotFoundError, "No such route.")
A405 = ErrorCode("A405", ConfigError, "The route does not accept this HTTP method.")
A406 = ErrorCode("A406", ForbiddenError,
                 "Only the key that created a candidate (or an admin key) may add documents to it.",
                 "Upload without candidate_id to make a new candidate.")
A410 = ErrorCode("A410", BadRequestError,
                 "The multipart upload has no file part with the expected name.")
A411 = ErrorCode("A411", BadRequestError, "The multipart body is malformed.")
A413 = ErrorCode("A413", PayloadTooLargeError,
                 "The request body or upload is larger than the limit.",
                 "Upload a smaller file, or ask the server's admin to raise the upload limit.")
A414 = ErrorCode("A414", PayloadTooLargeError,
                 "The form fields of an upload exceed their size limit.",
                 "Send text as a file part instead.")
A420 = ErrorCode("A420", BadRequestError,
                 "The field 'kind' of an upload (form or JSON) is neither 'resume' nor "
                 "'posting'.")
A421 = ErrorCode("A421", UnprocessableError,
                 "An upload sent a field that belongs to the other kind of document (a "
                 "résumé's posting_id, title, company or location; a posting's candidate_id "
                 "or name), which would be ignored.",
                 "Leave the field out: a résumé belongs to a candidate, a posting to a posting.")
A422 = ErrorCode("A422", ConfigError, "The request or form does not have the expected shape.")
A423 = ErrorCode("A423", UnprocessableError,
                 "An assessment was given both 'profile' and 'posting_id'.",
                 "Give one: 'profile' to score against a role profile, or 'posting_id' to "
                 "score against the profile derived from that posting.")
A424 = ErrorCode("A424", UnprocessableError,
                 "A yes/no field is not a boolean.",
                 "Send JSON true or false (in a form: true/false, 1/0 or on/off).")
A429 = ErrorCode("A429", PermissionDeniedError,
                 "Too many failed authentications from one address; wait and retry.")
A500 = ErrorCode("A500", SkillmixError,
                 "An unexpected internal error; the server log has the details.")
