"""`vnfacts serve`: a local web app where a journalist pastes an article or uploads a
.txt/.html file and sees the review page of `vnfacts view`.

It listens on 127.0.0.1 unless told otherwise, refuses bodies over `max_upload` bytes
with a message saying so, renders article text only through Jinja2's escaping (the
page's script is pinned by its hash, so nothing an article holds can run), and never
fetches a URL itself: a pasted address is answered with a request for the text.
"""

from __future__ import annotations

import threading
from pathlib import PurePath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route
from vnfacts.doc import Meta
from vnfacts.ingest import bytes_to_document, text_to_document
from vnfacts.view import record_of, render

DEFAULT_MAX_UPLOAD = 2 * 1024 * 1024
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the text
_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MESSAGES: dict[str, dict[str, str]] = {
    "too_large": {
        "vi": "Nội dung quá lớn: {size} byte, giới hạn là {limit} byte. Hãy gửi một bài ngắn hơn.",
        "en": "Too large: {size} bytes, the limit is {limit} bytes. Please send a shorter article.",
    },
    "empty": {
        "vi": "Hãy dán nội dung bài báo hoặc chọn một tệp .txt / .html.",
        "en": "Paste an article's text or choose a .txt / .html file.",
    },
    "file_type": {
        "vi": "Chỉ nhận tệp .txt, .html hoặc .htm.",
        "en": "Only .txt, .html or .htm files are accepted.",
    },
    "url": {
        "vi": "vnfacts không tự tải trang web. Hãy mở bài báo, sao chép nội dung và dán vào đây.",
        "en": "vnfacts does not fetch web pages. Open the article, copy its text and paste it here.",
    },
    "bad_form": {
        "vi": "Không đọc được biểu mẫu gửi lên: {why}",
        "en": "The form could not be read: {why}",
    },
}


def _message(key: str, lang: str, **kw: Any) -> str:
    return MESSAGES[key].get(lang, MESSAGES[key]["en"]).format(**kw)


def create_app(
    max_upload: int = DEFAULT_MAX_UPLOAD, lang: str = "vi", pipeline: Any = None
) -> Starlette:
    """The web app. The pipeline is built on the first article (NER off, for speed) and
    used by one request at a time (its stages keep caches that are not thread-safe)."""
    state: dict[str, Any] = {"pipeline": pipeline}
    lock = threading.Lock()

    def run(doc: Any) -> dict[str, Any]:
        with lock:
            if state["pipeline"] is None:
                from vnfacts.runner import Pipeline

                state["pipeline"] = Pipeline(options={"recognize": {"ner": "off"}})
            return record_of(state["pipeline"](doc))

    def page(
        records: list[dict[str, Any]],
        language: str,
        text: str = "",
        message: str | None = None,
        status: int = 200,
    ) -> HTMLResponse:
        html = render(records, lang=language, form={"text": text, "message": message})
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    def language_of(request: Request, form_lang: Any = None) -> str:
        wanted = form_lang or request.query_params.get("lang") or lang
        return wanted if wanted in ("vi", "en") else lang

    async def home(request: Request) -> HTMLResponse:
        return page([], language_of(request))

    async def check(request: Request) -> HTMLResponse:
        language = language_of(request)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_upload + _FORM_OVERHEAD:
            return page(
                [],
                language,
                message=_message("too_large", language, size=int(declared), limit=max_upload),
                status=413,
            )
        try:
            form = await request.form(max_files=1, max_fields=8, max_part_size=max_upload)
        except Exception as exc:  # a malformed or oversized multipart body
            why = str(getattr(exc, "message", exc))
            if "size" in why.lower() or "exceed" in why.lower():
                return page(
                    [],
                    language,
                    message=_message(
                        "too_large", language, size=f"> {max_upload}", limit=max_upload
                    ),
                    status=413,
                )
            return page([], language, message=_message("bad_form", language, why=why), status=400)
        try:
            language = language_of(request, form.get("lang"))
            text = form.get("text")
            text = text if isinstance(text, str) else ""
            upload = form.get("file")
            if isinstance(upload, UploadFile) and upload.filename:
                suffix = PurePath(upload.filename).suffix.lower()
                if suffix not in (".txt", ".html", ".htm"):
                    return page([], language, text, _message("file_type", language), 400)
                data = await upload.read(max_upload + 1)
                if len(data) > max_upload:
                    return page(
                        [],
                        language,
                        text,
                        _message("too_large", language, size=f"> {max_upload}", limit=max_upload),
                        413,
                    )
                fmt = "html" if suffix in (".html", ".htm") else "text"
                name = PurePath(upload.filename).stem or "upload"
                doc = bytes_to_document(data, doc_id=name, source=None, fmt=fmt, meta=Meta())
                record = await run_in_threadpool(run, doc)
                return page([record], language, text)
        finally:
            await form.close()
        if len(text.encode("utf-8")) > max_upload:
            return page(
                [],
                language,
                "",
                _message("too_large", language, size=len(text.encode("utf-8")), limit=max_upload),
                413,
            )
        if not text.strip():
            return page([], language, text, _message("empty", language), 400)
        stripped = text.strip()
        if stripped.startswith(("http://", "https://", "www.")) and len(stripped.split()) == 1:
            return page([], language, text, _message("url", language), 400)
        record = await run_in_threadpool(run, text_to_document(text, doc_id="bai-viet"))
        return page([record], language, text)

    async def health(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/check", check, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ]
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    lang: str = "vi",
) -> None:
    """Runs the app until interrupted."""
    import uvicorn

    print(f"vnfacts: serving on http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(
        create_app(max_upload=max_upload, lang=lang), host=host, port=port, log_level="warning"
    )
