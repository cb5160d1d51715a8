"""Hostile and broken documents for the fault suite: what a careless or malicious world puts in an inbox.

`hostile_documents(seed)` returns at least 200 files (name, bytes, the statuses marketmon may record for
it, and a word the stored error must contain when it has to fail). Deterministic for a seed. Most are
small; `LARGE` ones (a 20 MB page, a 10 MB single line, 200,000 nested tags) are few, because each costs
seconds of parsing. `hostile_articles()` and `hostile_json()` give the network-shaped ones (served by the
loopback server as feed articles, OpenRouter and HKEX answers).
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from tests.sources.pdfs import make_pdf

INBOX = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "inbox"
PROCESSED = frozenset({"parsed", "irrelevant", "duplicate", "failed"})
FAILED = frozenset({"failed"})
LARGE_BYTES = 5 * 1024 * 1024

ZH = ("截至2025年6月30日止六个月，智谱本地化部署收入占比为84.8%，云端部署收入占比为15.2%。"
      "智谱2024年收入为3.124亿元，较2023年的1.245亿元增长约151%。")
ZH_TRAD = "根據招股書，智譜2024年收入為3.124億元人民幣，較2023年的1.245億元增長約151%。研發投入為21.954億元。"
EN = "Zhipu AI said revenue reached RMB 312.4 million in 2024, and R&D expense was RMB 2.2 billion."


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile file: its name in the inbox, its bytes, and what marketmon may record for it."""

    name: str
    data: bytes
    expect: frozenset[str] = PROCESSED
    reason: str | None = None  # a word the stored error must contain (lower case) when it fails
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def large(self) -> bool:
        """Return whether parsing this file takes seconds rather than milliseconds."""
        return len(self.data) >= LARGE_BYTES or "large" in self.tags


def _html(body: str, head: str = "", charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!doctype html><html><head>{meta}{head}<title>t</title></head><body>{body}</body></html>"


def hostile_documents(seed: int = 8, *, large: bool = True) -> list[Hostile]:
    """Return the hostile inbox files (at least 200), deterministic for a seed; `large=False` leaves out the big ones."""
    rng = random.Random(seed)
    docs: list[Hostile] = []
    add = docs.append
    samples = sorted(p for p in INBOX.iterdir() if p.is_file())
    html_samples = [p for p in samples if p.suffix == ".html"]
    text_samples = [p for p in samples if p.suffix in (".txt", ".md")]

    # --- empty and nothing-but-whitespace: nothing to read is a recorded failure, not a crash
    for i, data in enumerate([b"", b" ", b"\n\n\n", b"\t \r\n", b"\xef\xbb\xbf", b"\x00"]):
        for suffix in (".html", ".txt", ".pdf", ".md"):
            add(Hostile(f"empty-{i}{suffix}", data, FAILED if not data.strip() else PROCESSED, tags=("empty",)))

    # --- truncated HTML: a page cut anywhere, even inside a multi-byte character or a tag
    for path in html_samples:
        raw = path.read_bytes()
        for cut in sorted({1, 7, 64, 333, len(raw) // 3, len(raw) // 2, len(raw) - 5, *(rng.randrange(2, len(raw))
                                                                                        for _ in range(4))}):
            add(Hostile(f"truncated-{path.stem}-{cut}.html", raw[:cut], tags=("truncated",)))

    # --- binary bytes dressed as HTML or text
    for i in range(12):
        blob = bytes(rng.randrange(256) for _ in range(rng.choice([512, 4096, 20000])))
        add(Hostile(f"binary-{i}.{'html' if i % 2 else 'txt'}", blob, FAILED, tags=("binary",)))
    add(Hostile("binary-png.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, FAILED, tags=("binary",)))
    add(Hostile("binary-gzip.html", gzip.compress(ZH.encode() * 50), FAILED, tags=("binary",)))
    add(Hostile("binary-zlib.txt", zlib.compress(ZH.encode() * 50), FAILED, tags=("binary",)))
    add(Hostile("binary-elf.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 2000, FAILED, tags=("binary",)))

    # --- lying and legacy charsets: GBK and Big5, declared right, declared wrong, not declared
    for enc, text in (("gbk", ZH), ("gb2312", ZH), ("gb18030", ZH), ("big5", ZH_TRAD), ("big5hkscs", ZH_TRAD)):
        body = text.encode(enc, "ignore")
        add(Hostile(f"charset-{enc}-plain.txt", body, tags=("charset",)))
        for lie in ("utf-8", "iso-8859-1", "big5" if enc.startswith("gb") else "gbk", "shift_jis", "bogus-x", enc):
            page = _html(f"<p>{text}</p>", charset=lie).encode(enc, "ignore")
            add(Hostile(f"charset-{enc}-as-{lie}.html", page, tags=("charset",)))
    add(Hostile("charset-utf8-as-gbk.html", _html(f"<p>{ZH}</p>", charset="gbk").encode(), tags=("charset",)))
    add(Hostile("charset-utf16le-nobom.txt", ZH.encode("utf-16-le"), tags=("charset",)))
    add(Hostile("charset-utf16-bom.txt", ZH.encode("utf-16"), tags=("charset",)))
    add(Hostile("charset-utf32.txt", ZH.encode("utf-32"), tags=("charset",)))
    add(Hostile("charset-mixed.txt", ZH.encode("gbk") + ZH_TRAD.encode("big5") + ZH.encode(), tags=("charset",)))
    add(Hostile("charset-utf7.html", _html("+ZeVnLIqe-", charset="utf-7").encode(), tags=("charset",)))
    add(Hostile("charset-overlong-utf8.txt", b"Zhipu \xc0\xaf\xe0\x80\xaf revenue \xed\xa0\x80 " * 40,
                tags=("charset",)))

    # --- NUL bytes and control characters in otherwise good text
    for i, text in enumerate((ZH, ZH_TRAD, EN)):
        raw = text.encode()
        add(Hostile(f"nul-inside-{i}.txt", raw[:30] + b"\x00" + raw[30:], tags=("nul",)))
        add(Hostile(f"nul-every-char-{i}.txt", b"\x00".join(raw[j:j + 1] for j in range(len(raw))), tags=("nul",)))
        add(Hostile(f"nul-html-{i}.html", _html(f"<p>{text}</p>").encode().replace(b"<p>", b"<p>\x00\x00"),
                    tags=("nul",)))
        add(Hostile(f"controls-{i}.txt", raw.replace(b"\xef\xbc\x8c", b"\x1b[31m\x07\x08\x0b\x0c"), tags=("nul",)))
        add(Hostile(f"nul-tail-{i}.txt", raw + b"\x00" * 5000, tags=("nul",)))

    # --- numbers no one should believe: 400 digits, exponents, negative zero, absurd precision
    for i, number in enumerate(("9" * 400, "1" + "0" * 399, "0." + "0" * 398 + "1", "1e400", "-0", "9" * 60 + ".5",
                                "NaN", "Infinity", "1,000,000,000,000,000,000,000,000,000,000,000")):
        add(Hostile(f"numbers-{i}.txt", f"智谱2024年收入为{number}亿元，研发投入为{number}元，占比{number}%。\n"
                                        f"Zhipu revenue was {number} billion yuan in 2024.".encode(), tags=("numbers",)))

    # --- HTML that parsers choke on: deep nesting, endless attributes, unclosed everything, script soup
    add(Hostile("nested-5000.html", ("<div>" * 5000 + f"<p>{ZH}</p>" + "</div>" * 5000).encode(), tags=("nesting",)))
    add(Hostile("nested-unclosed-20000.html", ("<span><b>" * 10000 + ZH).encode(), tags=("nesting",)))
    add(Hostile("attributes-10000.html", (f"<p {' '.join(f'a{i}={i}' for i in range(10000))}>{ZH}</p>").encode(),
                tags=("html",)))
    add(Hostile("unclosed-comment.html", _html(f"<!-- {ZH}").encode(), tags=("html",)))
    add(Hostile("unclosed-script.html", _html(f"<script>var a = '{ZH}';").encode(), tags=("html",)))
    add(Hostile("only-script.html", _html("<script>" + "x=1;" * 5000 + "</script>").encode(), tags=("html",)))
    add(Hostile("cdata.html", _html(f"<![CDATA[{ZH}]]>").encode(), tags=("html",)))
    add(Hostile("table-1000-cols.html", _html("<table><tr>" + "<td>智谱</td>" * 1000 + "</tr></table>").encode(),
                tags=("html",)))
    add(Hostile("frameset.html", b"<html><frameset><frame src='file:///etc/passwd'></frameset></html>", tags=("html",)))
    add(Hostile("svg-onload.html", _html(f"<svg onload=alert(1)><p>{ZH}</p></svg>").encode(), tags=("html",)))
    add(Hostile("base-file-url.html", _html(f"<p>{ZH}</p>", head='<base href="file:///etc/">').encode(), tags=("html",)))
    add(Hostile("meta-refresh.html", _html(f"<p>{ZH}</p>", head='<meta http-equiv="refresh" content="0;url=http://10.0.0.1/">'
                                           ).encode(), tags=("html",)))
    add(Hostile("not-html-at-all.html", ZH.encode(), tags=("html",)))
    add(Hostile("html-in-txt.txt", _html(f"<p>{ZH}</p>").encode(), tags=("html",)))
    add(Hostile("pdf-in-html.html", make_pdf([[EN]]), tags=("html",)))

    # --- XML bombs and external entities, as pages (an HTML parser must not expand or fetch them)
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + ']><html><body><p>智谱 &lol9;</p></body></html>')
    add(Hostile("billion-laughs.html", laughs.encode(), tags=("xml",)))
    add(Hostile("billion-laughs.txt", laughs.encode(), tags=("xml",)))
    xxe = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
           '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]><html><body><p>智谱 &xxe; &net;</p></body></html>')
    add(Hostile("xxe.html", xxe.encode(), tags=("xml",)))
    add(Hostile("xxe-param.html", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/shadow"> %p;]>'
                                  b"<html><body>Zhipu</body></html>", tags=("xml",)))
    add(Hostile("quadratic-blowup.html", ('<!DOCTYPE r [<!ENTITY a "' + "x" * 50000 + '">]><html><body>智谱'
                                          + "&a;" * 2000 + "</body></html>").encode(), tags=("xml",)))

    # --- PDFs: empty, encrypted, corrupt in every way, and a PDF name on something else
    good_pdf = make_pdf([[EN], ["page two"]])
    add(Hostile("pdf-empty.pdf", b"", FAILED, "empty", tags=("pdf",)))
    add(Hostile("pdf-encrypted.pdf", make_pdf([[EN]], encrypted=True), FAILED, "encrypted", tags=("pdf",)))
    add(Hostile("pdf-header-only.pdf", b"%PDF-1.7\n", FAILED, "pdf", tags=("pdf",)))
    add(Hostile("pdf-not-a-pdf.pdf", ZH.encode(), FAILED, "pdf", tags=("pdf",)))
    add(Hostile("pdf-html-named-pdf.pdf", _html(ZH).encode(), FAILED, "pdf", tags=("pdf",)))
    for cut in (10, 50, 200, len(good_pdf) // 2, len(good_pdf) - 30):
        add(Hostile(f"pdf-truncated-{cut}.pdf", good_pdf[:cut], tags=("pdf",)))
    for i in range(8):
        broken = bytearray(good_pdf)
        for _ in range(rng.choice([5, 50, 400])):
            broken[rng.randrange(20, len(broken))] = rng.randrange(256)
        add(Hostile(f"pdf-bitflip-{i}.pdf", bytes(broken), tags=("pdf",)))
    add(Hostile("pdf-garbage-after-header.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(5000)),
                FAILED, "pdf", tags=("pdf",)))
    add(Hostile("pdf-xref-loop.pdf", good_pdf.replace(b"startxref", b"startxref\n0\n%%EOF\nstartxref"), tags=("pdf",)))
    add(Hostile("pdf-huge-count.pdf", good_pdf.replace(b"/Count 2", b"/Count 999999999"), tags=("pdf",)))
    add(Hostile("pdf-self-parent.pdf", good_pdf.replace(b"/Parent 2 0 R", b"/Parent 3 0 R"), tags=("pdf",)))
    add(Hostile("pdf-deflate-bomb.pdf", _deflate_bomb_pdf(), tags=("pdf",)))
    add(Hostile("pdf-valid.pdf", good_pdf, frozenset({"parsed", "duplicate"}), tags=("pdf",)))

    # --- JSON and other structured shapes in the wrong place
    for i, value in enumerate(([], {}, None, "x", 1e308, {"data": [{"date": None}] * 3}, [[[[[[]]]]]] * 100,
                               {"result": "[" * 5000}, {"a": "智谱收入" * 100})):
        add(Hostile(f"json-{i}.txt", json.dumps(value, ensure_ascii=False).encode(), tags=("json",)))
    add(Hostile("json-deep.txt", ("[" * 100000 + "]" * 100000).encode(), tags=("json",)))

    # --- text that is technically fine but odd: one character repeated, RTL overrides, combining marks, emoji
    add(Hostile("odd-rtl.txt", ("\u202e" + ZH + "\u202c").encode(), tags=("odd",)))
    add(Hostile("odd-combining.txt", (EN + "\u0301" * 5000).encode(), tags=("odd",)))
    add(Hostile("odd-emoji.txt", ("🚀" * 3000 + ZH).encode(), tags=("odd",)))
    add(Hostile("odd-zero-width.txt", "\u200b".join(ZH).encode(), tags=("odd",)))
    add(Hostile("odd-cr-only.txt", (ZH + "\r") .encode() * 200, tags=("odd",)))
    add(Hostile("odd-formfeed.md", ("# 智谱\f\f\f" + ZH).encode(), tags=("odd",)))
    add(Hostile("odd-markdown-injection.md", ("# 智谱 <!channel> @everyone <http://evil.example|click>\n" + ZH).encode(),
                tags=("odd",)))
    add(Hostile("odd-surrogates.txt", b"Zhipu " + "\ud800".encode("utf-8", "surrogatepass") * 100, tags=("odd",)))
    add(Hostile("odd-bom-then-gbk.txt", codecs.BOM_UTF8 + ZH.encode("gbk"), tags=("odd",)))
    add(Hostile("odd-long-line-1mb.txt", ("智谱" + "收入" * 500_000).encode(), tags=("odd",)))
    add(Hostile("odd-many-lines.txt", ("智谱\n" * 200_000).encode(), tags=("odd",)))
    add(Hostile("odd-many-numbers.txt", ("智谱2024年收入为" + "，".join(str(i) + "亿元" for i in range(20000))).encode(),
                tags=("odd",)))

    # --- names that try the file system and the SQL: quotes, semicolons, spaces, unicode, dots
    for i, name in enumerate(("it's; DROP TABLE documents;--", 'quote"double', "spaces and\ttabs", "智谱 年报",
                              "..dots..", "back\\slash", "percent%20name", "%s%n%x", "$(touch pwned)", "`id`")):
        add(Hostile(f"name-{i}-{name}.txt", f"{name}\n{ZH}".encode(), tags=("name",)))

    # --- fillers to pass 200 with variety: random mutations of good samples
    for i in range(max(0, 200 - len(docs)) + 10):
        path = rng.choice(text_samples + html_samples)
        raw = bytearray(path.read_bytes())
        for _ in range(rng.choice([1, 10, 100])):
            op = rng.random()
            pos = rng.randrange(len(raw))
            if op < 0.4:
                raw[pos] = rng.randrange(256)
            elif op < 0.7:
                del raw[pos:pos + rng.randrange(1, 40)]
            else:
                raw[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20)))
        add(Hostile(f"mutated-{i}-{path.stem}{path.suffix}", bytes(raw), tags=("mutated",)))

    if large:
        # The very large ones: few, since each costs seconds (see tests/extract for the extractor's own bounds).
        add(Hostile("large-20mb-page.html", _html("<p>" + ("智谱AI的研究团队发布了新的模型。" * 25) + "</p>\n"
                                                  ).encode() * 16000 + _html(f"<p>{ZH}</p>").encode(),
                    tags=("large",)))
        add(Hostile("large-10mb-single-line.txt", ("智谱" + "x" * (10 * 1024 * 1024)).encode(), tags=("large",)))
        add(Hostile("large-nested-200000.html", ("<div>" * 200_000 + f"<p>{ZH}</p>" + "</div>" * 200_000).encode(),
                    tags=("large", "nesting")))
    names = [d.name for d in docs]
    assert len(names) == len(set(names)), "hostile file names must be unique"
    return docs


def _deflate_bomb_pdf() -> bytes:
    """A PDF whose single content stream inflates to 200 MB of spaces."""
    stream = zlib.compress(b" " * (200 * 1024 * 1024), 9)
    body = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
            + b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
            + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return body


@dataclass(frozen=True, slots=True)
class HostileArticle:
    """An article a loopback feed links to, with the fault or body the server answers it with."""

    path: str
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    action: str | None = None  # None, or a LoopbackServer fault: reset, truncate, oversize, gzip, redirect_loop, 500
    stored: frozenset[str] = PROCESSED  # statuses its document may end with


def hostile_articles() -> list[HostileArticle]:
    """Return the feed articles with broken or hostile bodies and transport faults."""
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + "]><rss><channel><item><title>智谱 &lol9;</title></item></channel></rss>").encode()
    return [
        HostileArticle("/a/gbk-declared-utf8.html", _html(f"<p>{ZH}</p>").encode("gbk"), "text/html; charset=utf-8"),
        HostileArticle("/a/big5-undeclared.html", _html(f"<p>{ZH_TRAD}</p>").encode("big5"), "text/html"),
        HostileArticle("/a/binary.html", bytes(range(256)) * 64, "text/html", stored=FAILED),
        HostileArticle("/a/empty.html", b"", "text/html", stored=FAILED),
        HostileArticle("/a/billion-laughs.xml", laughs, "application/xml"),
        HostileArticle("/a/json-as-html.html", b'{"data": [1, 2, 3]}', "application/json"),
        HostileArticle("/a/encrypted.pdf", make_pdf([[EN]], encrypted=True), "application/pdf", stored=FAILED),
        HostileArticle("/a/gzip-bomb.html", b"", "text/html", action="gzip-bomb"),
        HostileArticle("/a/truncated.html", _html(f"<p>{ZH}</p>").encode(), action="truncate"),
        HostileArticle("/a/reset.html", action="reset"),
        HostileArticle("/a/oversize.html", action="oversize"),
        HostileArticle("/a/loop.html", action="redirect_loop"),
        HostileArticle("/a/server-error.html", action="500"),
        HostileArticle("/a/file-scheme.html", action="redirect_file"),
    ]


def hostile_json() -> list[tuple[str, bytes]]:
    """Return (name, body) pairs of JSON answers of the wrong shape for the OpenRouter and HKEX sources."""
    return [
        ("not-json", b"<html>Service Unavailable</html>"),
        ("empty", b""),
        ("list", b"[1, 2, 3]"),
        ("null", b"null"),
        ("data-not-list", b'{"data": "everything"}'),
        ("rows-not-objects", b'{"data": [1, "two", null]}'),
        ("huge-numbers", json.dumps({"data": [{"date": "2026-01-05", "model_permaslug": "z-ai/glm",
                                                "total_tokens": int("9" * 400)}]}).encode()),
        ("bad-date", b'{"data": [{"date": "2026-13-45", "model_permaslug": "z-ai/glm", "total_tokens": 5}]}'),
        ("deep", b"[" * 50000 + b"]" * 50000),
        ("nul", b'{"data": [{"date": "2026-01-05\x00", "model_permaslug": "z-ai/\x00glm", "total_tokens": 5}]}'),
        ("negative", b'{"data": [{"date": "2026-01-05", "model_permaslug": "z-ai/glm", "total_tokens": -5}]}'),
        ("strings", b'{"data": [{"date": "2026-01-05", "model_permaslug": "z-ai/glm", "total_tokens": "lots"}]}'),
    ]
