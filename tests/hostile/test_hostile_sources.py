"""Hostile and broken input: each either reads or ends in one clear SourceError line,
quickly and without holding more than the size cap in memory."""

from __future__ import annotations

import os
import time

import pytest

from reader.sources import SourceError, read_article

STORY = (
    "The council approved the new budget on Monday after a long debate, officials said.\n\n"
    "The mayor said the plan would pay for schools and roads across the city.\n"
)


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return str(path)


def refused(spec, match, **kwargs) -> str:
    """read_article(spec) fails with one line that names `spec` and matches `match`."""
    with pytest.raises(SourceError, match=match) as err:
        read_article(spec, **kwargs)
    message = str(err.value)
    assert "\n" not in message and "\r" not in message
    assert "\x1b" not in message
    assert message.startswith(err.value.where + ": ")
    return message


# --- paths that are not articles -----------------------------------------------------


def test_missing_file(tmp_path):
    path = str(tmp_path / "left.txt")
    assert refused(path, "not found") == f"{path}: not found"


def test_web_address_without_scheme_gets_a_hint(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    refused("www.example.com/news/story", r"not found \(for a web page, start with https://\)")


def test_missing_parent_is_not_found(tmp_path):
    path = write(tmp_path, "file.txt", STORY)
    refused(path + "/child.txt", "not found")


def test_directory(tmp_path):
    refused(str(tmp_path), "is a directory")


def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", STORY)
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        refused(path, "permission denied")
    finally:
        os.chmod(path, 0o644)


def test_permission_denied_on_open_is_one_line(tmp_path, monkeypatch):
    # The same path as above, for runs where every file is readable.
    import reader.sources.files

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = write(tmp_path, "secret.txt", STORY)
    monkeypatch.setattr(reader.sources.files, "open", deny, raising=False)
    assert refused(path, "permission denied") == f"{path}: permission denied"


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    assert refused(path, "is empty") == f"{path}: is empty"


@pytest.mark.parametrize("blank", [" \n\t\n   \r\n", "\ufeff\n\n", "\x1b[2J\x1b[H\n \x07"])
def test_whitespace_only_file(tmp_path, blank):
    refused(write(tmp_path, "blank.txt", blank), "is empty")


def test_utf16_whitespace_only(tmp_path):
    refused(write(tmp_path, "blank16.txt", " \n \n".encode("utf-16")), "is empty")


def test_front_matter_without_text(tmp_path):
    refused(write(tmp_path, "fm.md", "---\ntitle: Only a title\n---\n\n"), "no text after its front matter")


# --- binary files --------------------------------------------------------------------


def test_file_with_nul_bytes(tmp_path):
    data = b"Some words\x00\x01\x02\x00 and then \x00\xff\xfe\x00 rubbish" * 50
    refused(write(tmp_path, "data.bin", data), "looks like a binary file")


@pytest.mark.parametrize(
    ("header", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    ],
)
def test_known_binary_formats_are_named(tmp_path, header, what):
    refused(write(tmp_path, "picture.txt", header + bytes(range(256)) * 4), f"binary file \\(an? {what}")


def test_control_byte_soup_without_nuls(tmp_path):
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 40
    refused(write(tmp_path, "soup.dat", data), "looks like a binary file")


# --- sizes -----------------------------------------------------------------------------


def test_fifty_megabyte_file_is_refused_by_size_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write(b"The start of a very long text.\n")
        f.truncate(50_000_000)  # sparse: quick to make, and nothing to read
    start = time.monotonic()
    message = refused(str(path), "--max-size")
    assert time.monotonic() - start < 0.5
    assert "50 MB, over the 10 MB limit; raise it with --max-size" in message


def test_max_bytes_is_exact(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    size = len(STORY.encode())
    assert read_article(path, max_bytes=size).text == STORY
    refused(path, "--max-size", max_bytes=size - 1)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_endless_device_is_refused_before_a_byte_is_read():
    refused("/dev/zero", "not a regular file", max_bytes=10_000)


def test_one_megabyte_line_without_punctuation(tmp_path):
    words = "the council met and voted for the new plan with the mayor and the board".split()
    line = " ".join(words[i % len(words)] for i in range(250_000))
    assert len(line) > 1_000_000
    start = time.monotonic()
    # Over the work budget in words (test_hostile_work.py); only the
    # reading is tested here.
    article = read_article(write(tmp_path, "line.txt", line), max_words=10**6)
    assert article.text == line
    assert article.title is None
    assert time.monotonic() - start < 5


def test_very_long_word(tmp_path):
    text = STORY + "x" * 200_000 + "\n"
    assert read_article(write(tmp_path, "word.txt", text)).text == text


# --- scripts, languages, symbols -----------------------------------------------------------

MIXED = (
    "Officials said the talks would resume in Cairo next week, and the envoy agreed.\n\n"
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 "
    "\u0633\u064a\u0639\u0642\u062f \u064a\u0648\u0645 \u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621 and then English again.\n\n"
    "The Kremlin said \u00ab\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
    "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f\u00bb on Tuesday.\n\n"
    "Beijing (\u5317\u4eac) said the meeting was useful, a spokesman told reporters.\n\n"
    "Reactions online: \U0001f44d\U0001f3fd \U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f "
    "and the caf\u00e9 (cafe\u0301) owner wrote zero\u200bwidth and non\u200cjoiner.\n"
)


def test_other_scripts_emoji_and_combining_marks_are_preserved(tmp_path):
    article = read_article(write(tmp_path, "mixed.txt", MIXED))
    assert article.text == MIXED
    assert article.warnings == ()  # mostly English


def test_bidi_spoofing_controls_are_removed_but_rtl_text_stays(tmp_path):
    text = "The minister said \u202eno\u202c deal was reached. \u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631\n"
    article = read_article(write(tmp_path, "bidi.txt", text))
    assert article.text == "The minister said no deal was reached. \u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631\n"


def test_terminal_escapes_in_text_are_removed_with_a_note(tmp_path):
    text = "The \x1b[31mcouncil\x1b[0m met.\x1b]52;c;cm0gLXJm\x07\n\x1b]0;pwned\x07" + STORY
    article = read_article(write(tmp_path, "ansi.txt", text))
    assert article.text == "The council met.\n" + STORY
    assert any("control characters" in w for w in article.warnings)


def test_rich_markup_is_text(tmp_path):
    text = "He wrote [bold red]hello[/bold red] and [link=https://evil.example]click[/link] [@click=app.quit]x[/].\n"
    assert read_article(write(tmp_path, "markup.txt", text)).text == text


def test_same_article_twice_has_the_same_digest(tmp_path):
    a = read_article(write(tmp_path, "a.txt", STORY))
    b = read_article(write(tmp_path, "b.txt", STORY))
    assert a.digest == b.digest and a.text == b.text


def test_one_sentence_article(tmp_path):
    text = "The council approved the budget."
    article = read_article(write(tmp_path, "one.txt", text))
    assert article.text == text
    assert article.title is None


# --- HTML ---------------------------------------------------------------------------------


def test_html_with_scripts_iframes_and_no_body(tmp_path):
    page = (
        "<html><head><title>App</title><script>var story = 'The council approved the budget.';</script></head>"
        "<body><iframe src='https://x.example/'></iframe><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
        "<div><div><div></div></div></div></body></html>"
    )
    refused(write(tmp_path, "app.html", page), "no article text found in the HTML page")


def test_html_link_list_is_not_an_article(tmp_path):
    items = "".join(f"<li><a href=/a{i}>Headline number {i} about the vote</a></li>" for i in range(10))
    refused(write(tmp_path, "index.html", f"<html><body><ul>{items}</ul></body></html>"), "no article text")


@pytest.mark.parametrize("depth", [40, 5000])
def test_deeply_nested_html_reads_or_fails_cleanly(tmp_path, depth):
    para = "<p>The council voted on Monday to approve the new budget for schools and roads.</p>" * 4
    page = "<html><body>" + "<div>" * depth + para + "</div>" * depth + "</body></html>"
    path = write(tmp_path, "deep.html", page)
    try:
        article = read_article(path)
    except SourceError as e:
        assert "\n" not in str(e)
        assert depth > 40
    else:
        assert "approve the new budget" in article.text


def test_html_body_escapes_and_markup_are_safe(tmp_path):
    page = (
        "<html><head><title>T\x1b]0;x\x07itle</title></head><body><article>"
        "<p>The \x1b[2Jcouncil approved [bold]the budget[/bold] on Monday, officials said.</p>"
        "<p>The mayor said the plan would pay for schools and roads across the city.</p>"
        "</article></body></html>"
    )
    article = read_article(write(tmp_path, "esc.html", page))
    assert "\x1b" not in article.text and "\x1b" not in (article.title or "")
    assert "[bold]the budget[/bold]" in article.text


# --- URLs that are not http --------------------------------------------------------------


@pytest.mark.parametrize(
    "spec",
    [
        "file:///etc/passwd",
        "ftp://example.com/article.txt",
        "data:text/plain,hello",
        "javascript:alert(1)",
        "gopher://example.com/",
    ],
)
def test_non_http_urls_are_refused(spec):
    message = refused(spec, "URLs are not read")
    assert message.startswith(spec)


@pytest.mark.parametrize("spec", ["http:///nohost", "http://[::1/x", "https://example.com:port/x"])
def test_malformed_urls_are_refused(spec):
    refused(spec, "not a valid URL")


def test_windows_drive_path_is_a_path():
    refused("C:\\news\\left.txt", "not found")


def test_existing_file_with_a_colon_is_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "notes:v1.txt", STORY)
    assert read_article("notes:v1.txt").text == STORY


# --- messages stay one line, whatever the name ---------------------------------------------


def test_hostile_file_name_gives_one_clean_line(tmp_path):
    name = "evil\x1b]0;pwned\x07\nname.txt"
    message = refused(str(tmp_path / name), "not found")
    assert "pwned" not in message


def test_nul_in_path():
    refused("left\x00.txt", "not a valid path")


def test_empty_spec():
    refused("", "no path or URL given")


def test_front_matter_alias_bomb_is_harmless(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 12):
        bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i > 1 else "*a"] * 9) + "]\n"
    bomb += "title: Safe title\n---\n" + STORY
    start = time.monotonic()
    article = read_article(write(tmp_path, "bomb.txt", bomb))
    assert time.monotonic() - start < 2
    assert article.title == "Safe title"
    assert article.text == STORY


# --- metadata that cannot be used is ignored, with one note; the article still opens ----


@pytest.mark.parametrize(
    "front",
    [
        "date: 2024-02-30\n",
        "title: " + "9" * 5000 + "\n",
        "deep: " + "[" * 20_000 + "]" * 20_000 + "\n",
        "deep: " + "{a: " * 12_000 + "1" + "}" * 12_000 + "\n",
    ],
    ids=["impossible-date", "5000-digit-number", "deep-list", "deep-mapping"],
)
def test_unusable_front_matter_is_ignored_with_a_note(tmp_path, front):
    article = read_article(write(tmp_path, "story.txt", "---\n" + front + "---\n" + STORY))
    assert article.text == STORY
    assert article.date is None
    notes = [w for w in article.warnings if w.startswith("front matter ignored")]
    assert len(notes) == 1 and "\n" not in notes[0] and len(notes[0]) < 200


@pytest.mark.parametrize(
    "sidecar",
    [
        '{"title": ' + "9" * 5000 + "}",
        '{"title": ' + "[" * 20_000 + "]" * 20_000 + "}",
        '{"a": ' * 9_000 + "1" + "}" * 9_000,
        "[1, 2, 3]",
        "{broken",
    ],
    ids=["5000-digit-number", "deep-list", "deep-object", "not-an-object", "bad-json"],
)
def test_unusable_sidecar_is_ignored_with_a_note(tmp_path, sidecar):
    path = write(tmp_path, "story.txt", STORY)
    (tmp_path / "story.meta.json").write_text(sidecar, encoding="utf-8")
    article = read_article(path)
    assert article.text == STORY
    notes = [w for w in article.warnings if "story.meta.json ignored" in w]
    assert len(notes) == 1 and "\n" not in notes[0] and len(notes[0]) < 200


def test_unusable_front_matter_opens_from_the_command_line(tmp_path, capsys):
    from reader.cli import main

    left = write(tmp_path, "left.md", "---\ndate: 2024-02-30\n---\n" + STORY)
    right = write(tmp_path, "right.txt", STORY)
    (tmp_path / "right.meta.json").write_text('{"t": ' + "[" * 20_000 + "]" * 20_000 + "}", encoding="utf-8")
    assert main(["compare", "--no-cache", "--format", "text", left, right]) == 0
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    assert "front matter ignored" in err and "right.meta.json ignored" in err


# --- URLs on a real server on loopback -----------------------------------------------


class _Server:
    """A loopback HTTP server whose routes are set per test: path -> (headers, body)."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.routes: dict[str, tuple[list[tuple[str, str]], bytes]] = {}
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.path)
                headers, body = server.routes.get(self.path, ([], b"not here"))
                status = next((int(v) for n, v in headers if n == "Status"), 200)
                headers = [(n, v) for n, v in headers if n != "Status"]
                self.send_response(status if self.path in server.routes else 404)
                names = {name.lower() for name, _ in headers}
                if "content-type" not in names:
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def web(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = _Server()
    yield server
    server.close()


def test_credentials_in_a_url_are_refused_before_any_request(web, capsys):
    from reader.cli import main

    web.routes["/story"] = ([], STORY.encode())
    url = f"http://reader:s3cret@{web.base}/story"
    message = refused(url, "user name or password")
    assert "s3cret" not in message and "reader:" not in message
    assert message.startswith(f"http://{web.base}/story: ")
    assert main(["compare", url, url]) == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and err.count("\n") == 1
    assert web.requests == []


def test_a_redirect_to_a_url_with_credentials_is_not_followed(web):
    web.routes["/go"] = ([("Status", "302"), ("Location", f"http://u:s3cret@{web.base}/story")], b"")
    web.routes["/story"] = ([], STORY.encode())
    message = refused(f"http://{web.base}/go", "redirects to a URL with a user name or password")
    assert "s3cret" not in message
    assert web.requests == ["/go"]


def test_a_body_shorter_than_its_content_length_is_refused(web):
    web.routes["/cut"] = ([("Content-Length", str(len(STORY.encode()) + 500))], STORY.encode())
    message = refused(f"http://{web.base}/cut", "download cut short")
    assert f"{len(STORY.encode()):,} of {len(STORY.encode()) + 500:,} bytes" in message


def test_a_body_of_its_content_length_is_read(web):
    web.routes["/whole"] = ([], STORY.encode())
    assert read_article(f"http://{web.base}/whole").text == STORY


def test_a_content_length_of_thousands_of_digits_is_refused_as_too_large(web):
    web.routes["/long"] = ([("Content-Length", "9" * 5000)], STORY.encode())
    refused(f"http://{web.base}/long", "is larger than the 10 MB limit")


# --- control characters in HTML and NUL bytes ------------------------------------------

PAGE = (
    "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
    "<p>The council approved the new budget on Monday after a long debate, officials said.</p>"
    "<p>The mayor said the plan{ref} would pay for schools and roads across the city.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("ref", ["&#27;", "&#x1b;", "&#0;", "&#x7F;", "&#155;", "&#99999999999;", "\x1b", "\x0c"])
def test_a_control_character_in_html_is_dropped_and_the_page_kept(tmp_path, ref):
    article = read_article(write(tmp_path, "page.html", PAGE.format(ref=ref)))
    assert "The mayor said the plan would pay for schools" in article.text
    assert all(ord(c) >= 32 or c == "\n" for c in article.text)


def test_ordinary_character_references_still_read(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE.format(ref=" &#8212; &amp; &#x2019;")))
    assert "the plan — & ’ would" in article.text


@pytest.mark.parametrize("where", [100, 70_000, 500_000])
def test_a_nul_byte_anywhere_makes_a_file_binary(tmp_path, where):
    line = b"The council approved the new budget on Monday after a long debate.\n"
    data = bytearray(line * (600_000 // len(line)))
    data[where] = 0
    refused(write(tmp_path, "story.txt", bytes(data)), "looks like a binary file")
