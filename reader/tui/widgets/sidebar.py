"""The sidebar: entities, figures, one-outlet claims and notes as one tree.

Every label is built as `rich.text.Text` from article text, never as markup, so an
entity called `[bold]` is shown as written. Each leaf carries a small `Pick` telling
the app where to jump.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...model import Comparison

if TYPE_CHECKING:  # pragma: no cover
    from ...coverage import Coverage
from ...sanitize import strip_control
from .detail import same_figure

_SHORT = 60


@dataclass(frozen=True)
class Pick:
    """What a sidebar leaf points at: kind plus what identifies it."""

    kind: str  # "claim" | "source" | "word" | "entity" | "figure" | "only" | "note" | "comparison"
    key: object = None
    side: str | None = None


def _per_outlet(left_name: str, right_name: str) -> str:
    return f"{_short(left_name, 14)} · {_short(right_name, 14)}"


def _short(text: str, limit: int = _SHORT) -> str:
    flat = strip_control(text, one_line=True)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Sidebar(Tree[Pick]):
    """Entities, figures, claims only one outlet reports, and notes."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    HELP = """\
## Sidebar

- **Coverage** (three or more articles open): each claim two or more outlets carry,
  with a mark per outlet in the order they were opened (`●` carries it, `·` does
  not); the articles in the panes are the ones in brackets. Choosing a claim shows it
  in the panes, turning them to two outlets that carry it if need be.
- **Sources**: everyone each outlet lets speak, quoted (`q`) or paraphrased (`p`),
  named or only described (`~`), with counts per outlet; one only one outlet gives a
  voice to is flagged. Choosing one goes to where it speaks, in turn.
- **Word choice**: words one outlet uses where the other uses others in the claims
  they share (`×2`: in two claims). Choosing one shows a claim where it is made, and
  each further choice the next.
- **Entities**: people, places and organisations, with how often each outlet names
  them (`L` left, `R` right); one-outlet entities are flagged. Choosing one
  highlights its mentions in both panes and each further choice goes to the next
  mention.
- **Figures**: numbers the outlets report side by side: `=` they agree, `≠` they
  conflict. Choosing one shows both.
- **Only in ...**: claims only one outlet reports. Choosing one jumps to it. `≈` marks
  one with a weaker likeness in the other article (a related link): choose it to see
  both and judge whether it is the same claim in other words.
- **Notes**: your notes on this pair. Choosing one jumps to what it is about.

`j`/`k` or the arrows move, `enter` or a click chooses; `space` opens and closes a
section.
"""

    class ItemChosen(Message):
        """The reader chose an entry (enter or a click): go where `pick` points."""

        def __init__(self, pick: Pick) -> None:
            super().__init__()
            self.pick = pick

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Comparison"), id=id)
        self.show_root = False
        self.guide_depth = 2

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        pick = event.node.data
        if isinstance(pick, Pick):
            self.post_message(self.ItemChosen(pick))

    def chosen_note(self) -> object:
        """The id of the note under the cursor, or None when the cursor is not on one."""
        node = self.cursor_node
        pick = node.data if node is not None else None
        return pick.key if isinstance(pick, Pick) and pick.kind == "note" else None

    def fill(
        self,
        comparison: Comparison | None,
        notes: list,
        left_name: str,
        right_name: str,
        *,
        coverage: "Coverage | None" = None,
        shown: list[int] | None = None,
    ) -> None:
        """Rebuild every section (called when the analysis, the notes or the articles
        in the panes change)."""
        open_sections = {
            str(node.label).split(" ")[0] for node in self.root.children if node.is_expanded
        } or {"Coverage", "Figures", "Only", "Notes"}
        self.clear()
        if comparison is None:
            self.root.add_leaf(Text("Analysing…", style="italic"))
            return
        if coverage is not None:
            self._coverage(coverage, shown or [0, 1], open_sections)
        self._sources(comparison, left_name, right_name, open_sections)
        self._word_choice(comparison, open_sections)
        self._entities(comparison, left_name, right_name, open_sections)
        self._figures(comparison, left_name, right_name, open_sections)
        for side, name in (("left", left_name), ("right", right_name)):
            self._only(comparison, side, name, open_sections)
        self._notes(notes, open_sections)

    def _coverage(self, coverage: "Coverage", shown: list[int], open_sections: set[str]) -> None:
        from ...coverage import claim_order

        count = len(coverage.articles)
        node = self._section("Coverage", len(coverage.claims), open_sections)
        node.label.append(f" ({count} outlets)", style="dim")
        # Which column is which outlet: the numbers the pane headers show ("2 of 3").
        legend = Text("".join(f" {n + 1} " for n in range(count)), style="dim")
        legend.append(" " + _short(", ".join(f"{n + 1} {a.name}" for n, a in enumerate(coverage.articles)), 56), style="dim")
        node.add_leaf(legend)
        for index, claim in claim_order(coverage):
            label = Text()
            for outlet in range(count):
                mark = "●" if outlet in claim.outlets else "·"
                label.append(f"[{mark}]" if outlet in shown else f" {mark} ", style="bold" if outlet in claim.outlets else "dim")
            first = claim.outlets[0]
            sid = next(s for a, s in claim.members if a == first)
            article = coverage.articles[first]
            text = article.sentences[sid].text if 0 <= sid < len(article.sentences) else ""
            label.append(" " + _short(text, 56))
            node.add_leaf(label, data=Pick("claim", index))

    def _sources(self, comparison: Comparison, left_name: str, right_name: str, open_sections: set[str]) -> None:
        node = self._section("Sources", len(comparison.voices), open_sections)
        node.label.append(f" (times each speaks: {_per_outlet(left_name, right_name)})", style="dim")
        for voice in comparison.voices:
            label = Text(("" if voice.named else "~") + _short(voice.name, 26))
            label.append(f"  {voice.left} · {voice.right}", style="dim")
            if not voice.right:
                label.append(f"  only {_short(left_name, 14)}", style="bold")
            elif not voice.left:
                label.append(f"  only {_short(right_name, 14)}", style="bold")
            node.add_leaf(label, data=Pick("source", voice.key))

    def _word_choice(self, comparison: Comparison, open_sections: set[str]) -> None:
        node = self._section("Word choice", len(comparison.word_choice), open_sections)
        for index, choice in enumerate(comparison.word_choice):
            label = Text(_short(choice.left, 24), style="bold")
            label.append(" / ", style="dim")
            label.append(_short(choice.right, 24), style="bold")
            if choice.count > 1:
                label.append(f"  ×{choice.count}", style="dim")
            node.add_leaf(label, data=Pick("word", index))

    def _section(self, title: str, count: int, open_sections: set[str]) -> TreeNode[Pick]:
        label = Text(title, style="bold")
        label.append(f" {count}", style="dim")
        node = self.root.add(label, expand=title.split(" ")[0] in open_sections)
        return node

    def _entities(self, comparison: Comparison, left_name: str, right_name: str, open_sections: set[str]) -> None:
        entities = sorted(comparison.entities, key=lambda e: (-(e.left + e.right), e.name.lower()))
        node = self._section("Entities", len(entities), open_sections)
        node.label.append(f" (times named: {_per_outlet(left_name, right_name)})", style="dim")
        for entity in entities:
            label = Text(_short(entity.name or entity.key, 28))
            label.append(f"  {entity.left} · {entity.right}", style="dim")
            if entity.only_in == "left":
                label.append(f"  only {_short(left_name, 14)}", style="bold")
            elif entity.only_in == "right":
                label.append(f"  only {_short(right_name, 14)}", style="bold")
            node.add_leaf(label, data=Pick("entity", entity.key))

    def _figures(self, comparison: Comparison, left_name: str, right_name: str, open_sections: set[str]) -> None:
        pairs = comparison.figure_pairs
        conflicts = sum(1 for p in pairs if not p.agree)
        left_figs, right_figs = comparison.left.figures, comparison.right.figures
        unpaired = len(left_figs) + len(right_figs) - 2 * len(pairs)
        node = self._section("Figures", len(pairs) + max(0, unpaired), open_sections)
        node.label.append(f" ({len(pairs)} side by side", style="dim")
        if conflicts:
            node.label.append(f", {conflicts} conflict{'s' if conflicts > 1 else ''}", style="bold")
        node.label.append(")", style="dim")
        for index, pair in enumerate(pairs):
            lf, rf = left_figs[pair.left], right_figs[pair.right]
            label = Text(_short(lf.text, 24))
            label.append(" = " if pair.agree else " ≠ ", style="bold")
            label.append(_short(rf.text, 24))
            label.append("  agree" if pair.agree else "  conflict", style="dim" if pair.agree else "bold reverse")
            node.add_leaf(label, data=Pick("figure", index))
        paired_left = {p.left for p in pairs}
        paired_right = {p.right for p in pairs}
        for side, figs, paired, others, name in (
            ("left", left_figs, paired_left, right_figs, left_name),
            ("right", right_figs, paired_right, left_figs, right_name),
        ):
            for index, fig in enumerate(figs):
                if index in paired:
                    continue
                label = Text(_short(fig.text, 30))
                if any(same_figure(fig, other) for other in others):
                    # The same number, of something else: not "only here".
                    label.append(f"  {_short(name, 14)}; same number, other thing", style="dim")
                else:
                    label.append(f"  only {_short(name, 14)}", style="dim")
                node.add_leaf(label, data=Pick("figure", index, side))

    def _only(self, comparison: Comparison, side: str, name: str, open_sections: set[str]) -> None:
        sids = getattr(comparison.only_in, side)
        article = comparison.left if side == "left" else comparison.right
        node = self._section(f"Only in {_short(name, 20)}", len(sids), open_sections)
        by_id = {s.id: s for s in article.sentences}
        related = {i for m in comparison.matches if m.kind == "related" for i in (m.left if side == "left" else m.right)}
        for sid in sids:
            s = by_id.get(sid)
            if s is not None:
                label = Text("≈ " if sid in related else "  ", style="dim")
                label.append(_short(s.text, 68))
                node.add_leaf(label, data=Pick("only", sid, side))

    def _notes(self, notes: list, open_sections: set[str]) -> None:
        node = self._section("Notes", len(notes), open_sections)
        if not notes:
            node.add_leaf(Text("a: add a note", style="dim italic"))
        for note in notes:
            label = Text()
            if note.tag:
                label.append(f"[{_short(note.tag, 20)}] ", style="bold")
            label.append(_short(note.text or "(empty)", 60))
            node.add_leaf(label, data=Pick("note", note.id))
