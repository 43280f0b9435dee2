"""The strip under the panes: what the selection is, and for a shared quote how
its two renderings differ word by word."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from ...model import Comparison, Entity, FigurePair, Match, shown_score
from ...wording import ENTITY_KIND_WORDS, MATCH_KIND_WORDS, QUOTE_DIFFERENCE_SHORT_WORDS
from ...sanitize import strip_control
from .styling import component_style

def _flat(text: str) -> str:
    return strip_control(text, one_line=True)


def _starts_a_word(op) -> bool:
    """Does the changed text after an unchanged run begin with a word, not punctuation?"""
    text = (op.left or op.right).lstrip()
    return text[:1].isalnum() or text[:1] in "“‘\"'(["


def _visible(text: str, sign: str) -> str:
    """A changed piece of a quote; bare punctuation gets a sign so it can be seen."""
    flat = _flat(text)
    if not any(c.isalnum() for c in flat):
        return f"{sign}{flat or '␣'}"
    return flat


class DetailStrip(Static):
    """Details of the selection: match kind, score, prominence, word differences."""

    HELP = """\
## Detail strip

What the selected sentence is: a shared quote, a shared claim, a related sentence, or a
claim only one outlet reports. For a shared quote the wording is shown once, with words
only the left outlet has struck through and words only the right outlet has
underlined.
"""

    COMPONENT_CLASSES = {"detail--delete", "detail--insert", "detail--label", "detail--dim", "detail--conflict"}

    def _s(self, name: str) -> Style:
        return component_style(self, f"detail--{name}")

    def hint(self, message: str) -> None:
        self.show_text(Text(message, style=self._s("dim")))

    def show_text(self, text: Text) -> None:
        # The strip has a fixed size: no need to lay out the whole screen again.
        self.update(text, layout=False)

    def match_text(self, comparison: Comparison, match: Match, names: tuple[str, str]) -> Text:
        out = Text()
        out.append(MATCH_KIND_WORDS[match.kind].capitalize(), style=self._s("label"))
        if match.by_reader:
            out.append("  linked by you (\\ unlinks)", style=self._s("dim"))
        else:
            out.append(f"  {likeness_words(match)}", style=self._s("dim"))
        if match.prominence is not None:
            p = match.prominence
            out.append(f"  ·  {names[0]}: {p.left}, {names[1]}: {p.right}", style=self._s("dim"))
        diff = match.quote_diff
        if diff is not None:
            lq = comparison.left.quotes[diff.left_quote] if diff.left_quote < len(comparison.left.quotes) else None
            rq = comparison.right.quotes[diff.right_quote] if diff.right_quote < len(comparison.right.quotes) else None
            kinds = [QUOTE_DIFFERENCE_SHORT_WORDS.get(d, d) for d in diff.differences]
            if kinds:
                out.append("  ·  " + ", ".join(kinds), style=self._s("label"))
            out.append("\n")
            if lq is not None and rq is not None:
                for k, (name, q) in enumerate(zip(names, (lq, rq))):
                    out.append(f"{'   ' if k else ''}{name}: ", style=self._s("dim"))
                    out.append(f"{q.speaker_names() or '?'} ({q.cue or '-'})")
                    if q.speaker_inferred:
                        out.append(" carried from the quote before", style=self._s("dim"))
                out.append("\n")
            if diff.ops:
                self._ops(out, diff.ops, names, quoted=True)
        elif match.word_diff and any(op.op != "equal" for op in match.word_diff):
            if match.hedged:
                hedger = names[0] if match.hedged == "left" else names[1]
                out.append(f"  ·  {hedger} attributes or hedges it (“{_flat(match.hedge or '')}”)", style=self._s("label"))
            out.append("\n")
            self._ops(out, match.word_diff, names, quoted=False)
        return out

    def _ops(self, out: Text, ops, names: tuple[str, str], *, quoted: bool) -> None:
        """A word-level diff on one line: words only the left has struck (−), only the
        right has marked (+), the rest as both tell it."""
        if quoted:
            out.append("“", style=self._s("dim"))
        for k, op in enumerate(ops):
            following = ops[k + 1] if k + 1 < len(ops) else None
            # A space before what follows, unless it is punctuation that closes
            # up ("way. We want", "Godfather: Part II").
            spaced = following is not None and (following.op != "equal" or _starts_a_word(following))
            if op.op == "equal":
                out.append(_flat(op.left) if op.left.strip() else " ")
                if op.left[-1:].isspace() or spaced:
                    out.append(" ")
                continue
            if op.left and op.op in ("delete", "replace"):
                out.append(_visible(op.left, "−"), style=self._s("delete"))
            if op.op == "replace":
                out.append(" ")
            if op.right and op.op in ("insert", "replace"):
                out.append(_visible(op.right, "+"), style=self._s("insert"))
            if spaced:
                out.append(" ")
        out.rstrip()
        if quoted:
            out.append("”", style=self._s("dim"))
        out.append("   ")
        out.append(f"−{names[0]}", style=self._s("delete"))
        out.append(" ")
        out.append(f"+{names[1]}", style=self._s("insert"))

    def figure_text(self, comparison: Comparison, pair: FigurePair, names: tuple[str, str]) -> Text:
        lf, rf = comparison.left.figures[pair.left], comparison.right.figures[pair.right]
        out = Text()
        out.append("Figures agree" if pair.agree else "Figures conflict", style=self._s("label" if pair.agree else "conflict"))
        if pair.reason:
            out.append(f"  ({_flat(pair.reason)})", style=self._s("dim"))
        out.append("\n")
        out.append(f"{names[0]}: ", style=self._s("dim"))
        out.append(_flat(lf.text), style="bold")
        out.append(f"    {names[1]}: ", style=self._s("dim"))
        out.append(_flat(rf.text), style="bold")
        return out

    def lone_figure_text(self, figure, name: str, other_name: str, same_elsewhere: bool) -> Text:
        """A figure no figure of the other outlet was paired with."""
        out = Text()
        out.append(f"Figure only in {name}", style=self._s("label"))
        out.append(f": {_flat(figure.text)}", style="bold")
        if same_elsewhere:
            out.append(
                f"  ·  {other_name} gives the same number, but not of the same thing or event", style=self._s("dim")
            )
        else:
            out.append(f"  ·  {other_name} gives no figure paired with it", style=self._s("dim"))
        return out

    def entity_text(self, name: str, label: str, counts: tuple[int, int], position: tuple[int, int], names: tuple[str, str]) -> Text:
        out = Text()
        out.append(_flat(name), style=self._s("label"))
        out.append(f"  {ENTITY_KIND_WORDS.get(label, label.lower())}", style=self._s("dim"))
        out.append(f"  ·  {names[0]} {counts[0]}, {names[1]} {counts[1]}")
        if position[1]:
            out.append(f"  ·  mention {position[0]} of {position[1]} (choose again for the next)", style=self._s("dim"))
        return out


    def sentence_text(
        self,
        comparison: Comparison | None,
        matches: list[Match],
        sid: int,
        sentence,
        *,
        name: str,
        other_name: str,
        marked_only: bool,
        claim_only: bool,
        names: tuple[str, str],
    ) -> Text:
        """Sentence `sid` (`sentence`, or None): its best match, or that only this
        outlet reports it (`marked_only`; `claim_only` when it is also a one-outlet
        claim), or that it is boilerplate or has no counterpart."""
        if matches and comparison is not None:
            text = self.match_text(comparison, matches[0], names)
            if len(matches) > 1:
                text.append(f"  (1 of {len(matches)} matches)", style="dim")
            if claim_only:
                text.append(f"  ·  as a claim, only in {name}", style="dim")
            return text
        text = Text()
        if marked_only:
            text.append(f"Only in {name}", style="bold")
            text.append(f": {other_name} does not report this.", style="dim")
        elif sentence is not None and sentence.boilerplate:
            text.append(f"Boilerplate ({sentence.boilerplate_reason or 'page furniture'})", style="dim")
        else:
            text.append(f"{name}, sentence {sid + 1}", style="dim")
            if comparison is not None:
                text.append(f": no counterpart in {other_name}.", style="dim")
        return text

    def add_notes(self, text: Text, notes: list) -> Text:
        """The notes on the selection, one per line under what `text` says."""
        for note in notes:
            text.append("\n")
            text.append("● ", style="bold")
            if note.tag:
                text.append(f"[{_flat(note.tag)}] ", style="bold")
            text.append(_flat(note.text))
        return text

    def note_text(self, note) -> Text:
        """One note, as shown when the reader goes to it."""
        text = Text()
        text.append("● Note", style="bold")
        text.append(f" on the {_flat(note.target)}" if note.target else "", style="dim")
        if note.tag:
            text.append(f"  [{_flat(note.tag)}]", style="bold")
        text.append("\n")
        text.append(_flat(note.text))
        return text


def likeness_words(match: Match) -> str:
    """What a match's score means, in words."""
    score = shown_score(match.score)
    if match.kind == "related":
        return f"likeness {score} of 1: too weak to count as shared, so it stays under Only in"
    return f"likeness {score} of 1"


def same_figure(a, b) -> bool:
    """Two figures of the same value and unit (whatever they count)."""
    return a.low is not None and (a.low, a.high, a.unit) == (b.low, b.high, b.unit)


def entity_mentions(entities: tuple[Entity, ...], key: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for entity in entities:
        if entity.key == key:
            spans.extend((m.start, m.end) for m in entity.mentions)
    return sorted(spans)
