"""What to call each of several open articles: one rule for the reader and the brief.

An article is called by its outlet, else its title, else its file name (or a URL's
last part). When two open articles would be called the same, each gets the shortest
end of its path that tells them apart ("event-7/fox.txt" beside "event-9/fox.txt").
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Sequence

from .model import Article
from .sanitize import strip_control


def _parts(article: Article) -> list[str]:
    path = article.url or article.path
    parts = [p for p in PurePosixPath(path.split("://", 1)[-1].split("?", 1)[0]).parts if p not in ("/", "")]
    return parts or [path]


def distinct_names(articles: Sequence[Article]) -> list[str]:
    """A name for each article, different from the others' where the paths allow."""
    base = [strip_control(a.outlet or a.title or _parts(a)[-1], one_line=True) for a in articles]
    names = list(base)
    for i, name in enumerate(base):
        clash = [j for j, other in enumerate(base) if other == name]
        if len(clash) < 2:
            continue
        parts = _parts(articles[i])
        for depth in range(1, len(parts) + 1):
            tail = "/".join(parts[-depth:])
            others = {"/".join(_parts(articles[j])[-depth:]) for j in clash if j != i}
            if tail not in others:
                break
        from_text = bool(articles[i].outlet or articles[i].title)
        names[i] = f"{name} ({tail})" if from_text else strip_control(tail, one_line=True)
    return names
