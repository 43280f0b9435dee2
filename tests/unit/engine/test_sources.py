"""read_article: each way an article comes in (text, front matter, Markdown, HTML, URLs,
legacy encodings) and the metadata found on the way."""

from __future__ import annotations

import gzip
import hashlib
import time
from http.server import BaseHTTPRequestHandler

import pytest
from loopback import clear_proxies, serving

from reader.model import Article
from reader.sources import (
    DEFAULT_MAX_BYTES,
    NOT_ENGLISH,
    USER_AGENT,
    SourceError,
    format_size,
    parse_size,
    read_article,
)

STORY = (
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes, officials said.\n\n"
    "\u201cWe have never seen the water this high,\u201d said Mayor Ana Ruiz, who toured the "
    "area by boat on Wednesday.\n\n"
    "The weather office said more rain was expected over the weekend and warned residents "
    "to stay alert.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Flood hits the valley | Valley Post</title>
<meta property="og:title" content="Flood hits the valley">
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://valleypost.example/news/flood">
<script>document.title = "\\u001b]0;pwned\\u0007"; alert("hi")</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Flood hits the valley</h1>
<p>Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave
their homes, officials said.</p>
<p>"We have never seen the water this high," said Mayor Ana Ruiz, who toured the area by
boat on Wednesday morning.</p>
<iframe src="https://ads.example/frame"></iframe>
<p>The regional weather office said more rain was expected over the weekend and warned
residents to stay alert.</p>
</article>
<footer>Copyright 2024 Valley Post. All rights reserved.</footer>
</body></html>
"""


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding, newline="")
    return path


# --- plain text ----------------------------------------------------------------------


def test_plain_text_reads_as_is(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    article = read_article(str(path))
    assert isinstance(article, Article)
    assert article.path == str(path)
    assert article.text == STORY
    assert article.digest == hashlib.sha256(STORY.encode("utf-8")).hexdigest()
    assert article.title is None  # the first line is a sentence, not a headline
    assert article.outlet is None
    assert article.warnings == ()


def test_first_line_headline_is_the_title(tmp_path):
    path = write(tmp_path, "story.txt", "Flood forces hundreds from their homes\n\n" + STORY)
    article = read_article(str(path))
    assert article.title == "Flood forces hundreds from their homes"
    # The title stays in the text: offsets index the text as read.
    assert article.text.startswith("Flood forces hundreds")


@pytest.mark.parametrize(
    "first",
    [
        "3 min read",
        "WASHINGTON (AP) \u2014",
        "the river rose overnight and kept rising",
        "Updated",
        "By Ana Ruiz and Tom Lee,",
    ],
)
def test_first_lines_that_are_not_headlines(tmp_path, first):
    path = write(tmp_path, "story.txt", first + "\n" + STORY)
    assert read_article(str(path)).title is None


def test_crlf_and_cr_become_newlines(tmp_path):
    path = write(tmp_path, "dos.txt", STORY.replace("\n", "\r\n"))
    assert read_article(str(path)).text == STORY
    path = write(tmp_path, "mac.txt", STORY.replace("\n", "\r"))
    assert read_article(str(path)).text == STORY


def test_utf8_bom_is_removed(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    article = read_article(str(path))
    assert article.text == STORY
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize("separator", [":", " -", " \u2014", " \u2013"])
def test_closing_source_line_names_the_outlet(tmp_path, separator):
    path = write(tmp_path, "s.txt", STORY + f"\nSource{separator} River Times\n")
    assert read_article(str(path)).outlet == "River Times"


@pytest.mark.parametrize(
    "last",
    [
        "The source said the talks had failed and that nobody would comment further.",
        "Sources close to the talks said nothing was agreed.",
        "Source: a senior official who asked not to be named because they were not authorised to speak.",
    ],
)
def test_source_sentence_is_not_an_outlet(tmp_path, last):
    path = write(tmp_path, "s.txt", STORY + "\n" + last + "\n")
    assert read_article(str(path)).outlet is None


def test_explicit_names_override_the_text(tmp_path):
    path = write(tmp_path, "s.txt", "Flood forces hundreds from their homes\n\n" + STORY + "\nSource: River Times\n")
    article = read_article(str(path), outlet="The Left Paper", title="My title")
    assert article.outlet == "The Left Paper"
    assert article.title == "My title"
    assert article.name == "The Left Paper"


# --- front matter and Markdown ---------------------------------------------------------


def test_front_matter_gives_metadata_and_is_removed(tmp_path):
    text = (
        "---\n"
        "title: Flood hits the valley\n"
        "outlet: Valley Post\n"
        "date: 2024-03-05\n"
        "url: https://valleypost.example/news/flood\n"
        "---\n\n" + STORY
    )
    article = read_article(str(write(tmp_path, "fm.txt", text)))
    assert article.text == STORY
    assert article.title == "Flood hits the valley"
    assert article.outlet == "Valley Post"
    assert article.date == "2024-03-05"
    assert article.url == "https://valleypost.example/news/flood"
    assert article.digest == hashlib.sha256(STORY.encode()).hexdigest()


def test_a_sidecar_meta_file_gives_metadata(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    (tmp_path / "story.meta.json").write_text(
        '{"title": "Flood hits the valley", "source": "Valley Post", "date": "2024-03-05", "url": "https://valleypost.example/f"}',
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert (article.title, article.outlet, article.date, article.url) == (
        "Flood hits the valley", "Valley Post", "2024-03-05", "https://valleypost.example/f",
    )
    assert article.text == STORY
    assert read_article(str(path), outlet="Mine").outlet == "Mine"


def test_a_broken_sidecar_is_ignored(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    (tmp_path / "story.meta.json").write_text("[not an object", encoding="utf-8")
    assert read_article(str(path)).text == STORY


def test_front_matter_in_a_text_file_too(tmp_path):
    article = read_article(str(write(tmp_path, "fm.txt", "---\noutlet: River Times\n...\n" + STORY)))
    assert article.outlet == "River Times"
    assert article.text == STORY


def test_a_leading_rule_that_is_not_yaml_stays_text(tmp_path):
    text = "---\nThis is not: [valid yaml\n---\n\n" + STORY
    article = read_article(str(write(tmp_path, "rule.txt", text)))
    assert article.text == text


def test_hostile_front_matter_values_are_cleaned(tmp_path):
    text = '---\ntitle: "Big\\e]0;pwned\\afire\\nnews"\noutlet: [not, a, string]\n---\n' + STORY
    article = read_article(str(write(tmp_path, "h.md", text)))
    assert article.title == "Bigfire news"
    assert article.outlet is None


def test_markdown_heading_gives_the_title_and_the_body_is_kept(tmp_path):
    text = "# Flood hits *the* valley\n\n" + STORY + "\n- first point\n- second point\n"
    article = read_article(str(write(tmp_path, "story.md", text)))
    # Read as Markdown: the heading is the title, the markup goes, the words stay.
    assert article.title == "Flood hits the valley"
    assert "*" not in article.text and not article.text.startswith("#")
    assert "first point" in article.text and "second point" in article.text


def test_setext_heading_gives_the_title(tmp_path):
    text = "Flood hits the valley.\n=====================\n\n" + STORY
    assert read_article(str(write(tmp_path, "story.md", text))).title == "Flood hits the valley."


# --- HTML --------------------------------------------------------------------------------


def test_html_main_text_and_meta_tags(tmp_path):
    article = read_article(str(write(tmp_path, "page.html", HTML_PAGE)))
    assert article.title == "Flood hits the valley"
    assert article.outlet == "Valley Post"
    assert article.date == "2024-03-05"
    assert article.url == "https://valleypost.example/news/flood"
    assert "Heavy rain flooded the river valley on Tuesday" in article.text
    assert "Mayor Ana Ruiz" in article.text
    # Paragraphs are separated by blank lines.
    assert "officials said.\n\n" in article.text
    # Scripts, styles, navigation, frames and the footer are not article text.
    for furniture in ("alert(", "color: red", "Sport", "ads.example", "All rights reserved", "pwned"):
        assert furniture not in article.text
    assert "\x1b" not in article.text


@pytest.mark.parametrize("separator", ["|", "-", "\u2014", "::"])
def test_html_site_name_from_the_title_tag(tmp_path, separator):
    page = HTML_PAGE.replace('<meta property="og:site_name" content="Valley Post">', "")
    page = page.replace("Flood hits the valley | Valley Post", f"Flood hits the valley {separator} Valley &amp; Hills Post")
    article = read_article(str(write(tmp_path, "p.html", page)))
    assert article.title == "Flood hits the valley"
    assert article.outlet == "Valley & Hills Post"


def test_html_title_with_a_dash_inside_is_not_a_site(tmp_path):
    page = HTML_PAGE.replace('<meta property="og:site_name" content="Valley Post">', "")
    page = page.replace('content="Flood hits the valley"', 'content="Flood - and fear - in the valley"')
    page = page.replace("Flood hits the valley | Valley Post", "Flood - and fear - in the valley")
    article = read_article(str(write(tmp_path, "p.html", page)))
    assert article.title == "Flood - and fear - in the valley"
    assert article.outlet == "valleypost.example"  # from the canonical URL


def test_html_is_sniffed_without_an_html_suffix(tmp_path):
    article = read_article(str(write(tmp_path, "download", HTML_PAGE)))
    assert article.outlet == "Valley Post"
    assert "<p>" not in article.text


def test_html_title_tag_when_no_og_title(tmp_path):
    page = HTML_PAGE.replace('<meta property="og:title" content="Flood hits the valley">', "")
    page = page.replace("<h1>Flood hits the valley</h1>", "")
    page = page.replace("<title>Flood hits the valley | Valley Post</title>", "<title>River rises</title>")
    assert read_article(str(write(tmp_path, "p.html", page))).title == "River rises"


def test_html_in_a_text_file_is_read_as_text(tmp_path):
    # A .txt suffix is the reader's word: an article quoting markup stays text.
    text = "<p>This is how a paragraph tag looks in a web page.</p>\n" + STORY
    assert read_article(str(write(tmp_path, "about.txt", text))).text == text


# --- legacy encodings -----------------------------------------------------------------

WESTERN = (
    "The caf\u00e9 owner in S\u00e3o Paulo said the na\u00efve plan would fail. "
    "Fran\u00e7ois M\u00fcller told reporters that the r\u00e9sum\u00e9 was accurate and that "
    "the fa\u00e7ade of the old building had been restored before the ceremony.\n"
)


def test_latin1_is_detected(tmp_path):
    article = read_article(str(write(tmp_path, "latin1.txt", WESTERN, encoding="latin-1")))
    assert article.text == WESTERN
    assert any("not UTF-8" in w for w in article.warnings)


def test_windows_1252_is_detected(tmp_path):
    text = "\u201cWe won\u2019t stop,\u201d the minister said \u2013 and he meant it\u2026 " + WESTERN
    article = read_article(str(write(tmp_path, "cp1252.txt", text, encoding="cp1252")))
    assert article.text == text


def test_legacy_bytes_late_in_a_long_file_are_found(tmp_path):
    text = STORY * 4000 + WESTERN
    assert len(text) > 800_000
    # Over the work budget; only the reading is tested here.
    article = read_article(str(write(tmp_path, "long.txt", text, encoding="cp1252")), max_words=10**6, max_sentences=10**6)
    assert article.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    # Python's "utf-16"/"utf-32" write a BOM; big-endian gets one added by hand.
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = read_article(str(write(tmp_path, "wide.txt", data)))
    assert article.text == STORY


def test_utf16_without_bom(tmp_path):
    article = read_article(str(write(tmp_path, "wide.txt", STORY.encode("utf-16-le"))))
    assert article.text == STORY


def test_mostly_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    good = "Caf\u00e9 \u00e0 la cr\u00e8me \u2014 \u201cquoted\u201d and r\u00e9sum\u00e9 " * 5
    data = good.encode("utf-8") + b"\xff " + STORY.encode("utf-8")
    article = read_article(str(write(tmp_path, "mixed.txt", data)))
    assert article.text.startswith(good)
    assert "\ufffd" in article.text


def test_html_declared_charset_is_used(tmp_path):
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Mayor Ana Ruiz", "Mayor Ana Mu\u00f1oz")
    article = read_article(str(write(tmp_path, "p.html", page, encoding="cp1252")))
    assert "Mayor Ana Mu\u00f1oz" in article.text


# --- language -----------------------------------------------------------------------------


def test_other_language_is_read_with_a_warning(tmp_path):
    french = (
        "Le gouvernement a annonc\u00e9 mardi de nouvelles mesures pour soutenir les familles "
        "touch\u00e9es par les inondations dans le sud du pays. Selon le ministre, plus de deux "
        "mille maisons ont \u00e9t\u00e9 endommag\u00e9es et les secours continuent de travailler.\n"
    )
    russian = "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u043e\u0431\u044a\u044f\u0432\u0438\u043b\u043e " * 12
    for name, text in (("fr.txt", french), ("ru.txt", russian)):
        article = read_article(str(write(tmp_path, name, text)))
        assert article.text == text
        assert NOT_ENGLISH in article.warnings


def test_english_gets_no_warning(tmp_path):
    assert read_article(str(write(tmp_path, "en.txt", STORY))).warnings == ()


# --- URLs from a local server -------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # one branch per route
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article.html":
            self.send(200, HTML_PAGE.encode())
        elif path == "/story":
            self.send(200, (STORY + "\nSource: River Times\n").encode(), "text/plain; charset=utf-8")
        elif path == "/latin1":
            self.send(200, WESTERN.encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif path == "/untyped":
            self.send(200, STORY.encode(), None)
        elif path == "/gzip":
            self.send(200, gzip.compress(STORY.encode()), "text/plain", [("Content-Encoding", "gzip")])
        elif path == "/moved":
            self.send(302, headers=[("Location", "/moved-again")])
        elif path == "/moved-again":
            self.send(301, headers=[("Location", "/article.html")])
        elif path in ("/loop-a", "/loop-b"):
            self.send(302, headers=[("Location", "/loop-b" if path == "/loop-a" else "/loop-a")])
        elif path == "/to-file":
            self.send(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, STORY.encode(), "text/plain")
        elif path == "/drip":
            # Each byte arrives well within the timeout, the whole body never does.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/binary":
            self.send(200, b"\x00\x01\x02" * 100, "application/octet-stream")
        elif path == "/api":
            self.send(200, b'{"story": "The council approved the budget."}', "application/json")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/huge":
            # No Content-Length: the cap must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            line = b"All work and no play makes a long article. " * 100 + b"\n"
            try:
                for _ in range(500):  # about 2 MB
                    self.wfile.write(line)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "50000000")
            self.end_headers()
        elif path == "/gzip-bomb":
            body = gzip.compress(b"a" * 5_000_000)
            self.send(200, body, "text/plain", [("Content-Encoding", "gzip")])
        elif path == "/empty-page":
            self.send(200, b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    clear_proxies(monkeypatch)


def test_url_html_page(server):
    url = f"{server}/article.html"
    article = read_article(url)
    assert article.path == url
    assert article.title == "Flood hits the valley"
    assert article.outlet == "Valley Post"
    assert article.url == "https://valleypost.example/news/flood"  # canonical wins
    assert "Mayor Ana Ruiz" in article.text
    assert Handler.seen_agents[-1] == USER_AGENT
    assert "bothsides" in USER_AGENT


def test_url_plain_text(server):
    article = read_article(f"{server}/story")
    assert article.text.startswith(STORY)
    assert article.outlet == "River Times"
    assert article.url == f"{server}/story"


def test_url_without_outlet_falls_back_to_the_host(server):
    assert read_article(f"{server}/untyped").outlet == "127.0.0.1"


def test_url_declared_latin1(server):
    assert read_article(f"{server}/latin1").text == WESTERN


def test_url_gzip_body(server):
    assert read_article(f"{server}/gzip").text == STORY


def test_url_follows_redirects(server):
    article = read_article(f"{server}/moved")
    assert article.outlet == "Valley Post"
    assert article.path == f"{server}/moved"


def test_url_redirect_loop_ends_with_one_line(server):
    with pytest.raises(SourceError, match="redirect") as err:
        read_article(f"{server}/loop-a")
    assert "\n" not in str(err.value)


def test_url_redirect_to_file_is_refused(server):
    with pytest.raises(SourceError, match="file"):
        read_article(f"{server}/to-file")


def test_url_timeout(server):
    start = time.monotonic()
    with pytest.raises(SourceError, match=r"timed out after 0.5 s"):
        read_article(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - start < 1.4


def test_url_slow_drip_hits_the_total_timeout(server):
    start = time.monotonic()
    with pytest.raises(SourceError, match="timed out"):
        read_article(f"{server}/drip", timeout=0.5)
    assert time.monotonic() - start < 1.5


@pytest.mark.parametrize(("route", "kind"), [("/image.png", "image/png"), ("/binary", "application/octet-stream"), ("/report.pdf", "application/pdf"), ("/api", "application/json")])
def test_url_non_text_types_are_refused(server, route, kind):
    with pytest.raises(SourceError, match=f"serves {kind}"):
        read_article(server + route)


def test_url_huge_streamed_body_is_cut_at_the_cap(server):
    with pytest.raises(SourceError, match="--max-size") as err:
        read_article(f"{server}/huge", max_bytes=100_000)
    assert "100 kB" in str(err.value)


def test_url_huge_declared_length_is_refused_before_reading(server):
    with pytest.raises(SourceError, match="50 MB, over the 10 MB limit; raise it with --max-size"):
        read_article(f"{server}/huge-declared")


def test_url_gzip_bomb_is_cut_at_the_cap(server):
    with pytest.raises(SourceError, match="--max-size"):
        read_article(f"{server}/gzip-bomb", max_bytes=1_000_000)


def test_url_http_error(server):
    with pytest.raises(SourceError, match="HTTP 404"):
        read_article(f"{server}/missing")


def test_url_page_without_article_body(server):
    with pytest.raises(SourceError, match="no article text"):
        read_article(f"{server}/empty-page")


def test_url_connection_refused():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceError, match=f"127.0.0.1:{port}/x: connection refused"):
        read_article(f"http://127.0.0.1:{port}/x")


def test_source_error_is_always_one_line():
    err = SourceError("bad\nname\x1b[2J.txt", "went\r\nwrong\x07 here")
    assert str(err) == "bad name.txt: went wrong here"
    assert err.where == "bad name.txt"
    import pickle

    assert str(pickle.loads(pickle.dumps(err))) == str(err)


# --- sizes ----------------------------------------------------------------------------------


def test_default_limit_is_documented_and_sane():
    assert DEFAULT_MAX_BYTES == 10_000_000
    assert format_size(DEFAULT_MAX_BYTES) == "10 MB"


@pytest.mark.parametrize(("text", "size"), [("10MB", 10_000_000), ("500 kB", 500_000), ("2.5M", 2_500_000), ("1024", 1024), ("1MiB", 1_048_576)])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "ten", "-5MB", "0", "5 parsecs"])
def test_parse_size_rejects_nonsense(text):
    with pytest.raises(ValueError):
        parse_size(text)
