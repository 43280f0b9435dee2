"""One naming rule for open articles: outlet, title or file name, made distinct."""

from __future__ import annotations

from reader.model import Article
from reader.names import distinct_names


def test_outlets_and_titles_first_then_file_names():
    articles = [Article(path="/a/fox.txt", text="x", outlet="Fox News"), Article(path="/b/story.txt", text="y")]
    assert distinct_names(articles) == ["Fox News", "story.txt"]


def test_files_of_one_name_are_told_apart_by_their_folders():
    articles = [Article(path="/data/pac/STORY_121/text.txt", text="x"), Article(path="/data/pac/STORY_122/text.txt", text="y")]
    assert distinct_names(articles) == ["STORY_121/text.txt", "STORY_122/text.txt"]


def test_one_outlet_twice_is_told_apart_by_file():
    articles = [Article(path="/e1/fox.txt", text="x", outlet="fox"), Article(path="/e2/fox.txt", text="y", outlet="fox")]
    assert distinct_names(articles) == ["fox (e1/fox.txt)", "fox (e2/fox.txt)"]


def test_urls_are_named_by_their_last_part():
    articles = [Article(path="https://example.org/news/story-1?x=2", text="x")]
    assert distinct_names(articles) == ["story-1"]
