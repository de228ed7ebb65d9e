"""Uploads are refused with 413 as soon as they pass the limit: by declared length, and
while streaming when no length is declared; uploads under the limit are read."""

from __future__ import annotations

from typing import Iterator


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


LIMIT = 64 * 1024  # the app fixture's max_upload_bytes


def _multipart(payload_chunks: Iterator[bytes], boundary: str = "skillmixboundary") -> Iterator[bytes]:
    yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nresume\r\n"
           f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
           "Content-Type: text/plain\r\n\r\n").encode()
    yield from payload_chunks
    yield f"\r\n--{boundary}--\r\n".encode()


def test_upload_over_limit_by_content_length_is_413(client, keys) -> None:
    resp = client.post("/v1/documents", headers=auth(keys["write"]),
                       files={"file": ("big.txt", b"social media " * (LIMIT // 10), "text/plain")},
                       data={"kind": "resume"})
    assert resp.status_code == 413
    assert resp.json()["code"] == "A413"


def test_upload_over_limit_while_streaming_is_413(client, keys) -> None:
    sent = []

    def chunks() -> Iterator[bytes]:
        for _ in range(64):  # 64 x 16 KiB = 1 MiB, sixteen times the limit
            sent.append(1)
            yield b"SEO and APIs. " * 1170

    headers = {**auth(keys["write"]),
               "Content-Type": "multipart/form-data; boundary=skillmixboundary"}
    resp = client.post("/v1/documents", headers=headers, content=_multipart(chunks()))
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    assert resp.status_code == 413, resp.text
    assert resp.json()["code"] == "A413"


def test_upload_just_under_limit_is_read(client, keys) -> None:
    body = (b"Social media manager with SEO and Python.\n" * (LIMIT // 43))[: LIMIT - 10]
    resp = client.post("/v1/documents", headers=auth(keys["write"]),
                       files={"file": ("ok.txt", body, "text/plain")}, data={"kind": "resume"})
    assert resp.status_code == 201, resp.text
    assert resp.json()["document"]["size"] == len(body)


def test_upload_streamed_under_limit_is_read(client, keys) -> None:
    headers = {**auth(keys["write"]),
               "Content-Type": "multipart/form-data; boundary=skillmixboundary"}
    chunks = (b"Community management and SEO.\n" for _ in range(100))
    resp = client.post("/v1/documents", headers=headers, content=_multipart(chunks))
    assert resp.status_code == 201, resp.text
    assert "seo" in resp.json()["extraction"]["skills"]
