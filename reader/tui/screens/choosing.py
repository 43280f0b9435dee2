"""What a sidebar entry (or a jump to a figure) shows: a claim across outlets, a
figure pairing, a source or word choice in turn, a name's mentions, a note."""

from __future__ import annotations

from ..controllers.picks import panes_for_claim, places
from ..widgets.detail import DetailStrip, entity_mentions, same_figure
from ..widgets.sidebar import Pick


class ChoosingMixin:
    """For `PanesScreen`: its `choose` and the views of what is chosen."""

    def choose(self, pick: Pick) -> None:
        """Go to what a sidebar entry points at."""
        if not self.mounted:
            self.call_after_refresh(self.choose, pick)
            return
        comparison = self.comparison
        if comparison is None:
            return
        if pick.kind == "claim":
            self.choose_claim(int(pick.key))  # type: ignore[arg-type]
            return
        if pick.kind in ("source", "word"):
            self.choose_in_turn(pick)
            return
        if pick.kind == "only" and pick.side is not None:
            self.select(pick.side, int(pick.key))  # type: ignore[arg-type]
        elif pick.kind == "figure" and pick.side is None:
            pair = comparison.figure_pairs[int(pick.key)]  # type: ignore[arg-type]
            lf, rf = comparison.left.figures[pair.left], comparison.right.figures[pair.right]
            self.view("left").set_spans("picked", [(lf.start, lf.end)])
            self.view("right").set_spans("picked", [(rf.start, rf.end)])
            self.select("left", lf.sentence, via="figure", key=pick.key, detail=False)
            right = self.view("right")
            if rf.sentence not in right.counterpart:
                right.set_selection(rf.sentence, (), right.counterpart | {rf.sentence})
            right.show_offset(rf.start, rf.end)
            strip = self.query_one(DetailStrip)
            strip.show_text(strip.figure_text(comparison, pair, self.names))  # type: ignore[arg-type]
        elif pick.kind == "figure":
            fig = self.article(pick.side).figures[int(pick.key)]  # type: ignore[arg-type]
            self.view(pick.side).set_spans("picked", [(fig.start, fig.end)])  # type: ignore[arg-type]
            self.select(pick.side, fig.sentence, via="figure", key=pick.key, detail=False)  # type: ignore[arg-type]
            other = self.others(pick.side)[0]  # type: ignore[arg-type]
            same = any(same_figure(fig, f) for f in self.article(other).figures)
            strip = self.query_one(DetailStrip)
            strip.show_text(strip.lone_figure_text(fig, self.pane_name(pick.side), self.pane_name(other), same))  # type: ignore[arg-type]
        elif pick.kind == "entity":
            self.choose_entity(str(pick.key))
        elif pick.kind == "note":
            note = self.notebook.by_id(pick.key)
            if note is not None:
                self.go_to_note(note)

    def choose_claim(self, index: int) -> None:
        """Show a claim across outlets (see `controllers.picks.panes_for_claim`)."""
        assert self.coverage is not None
        claim = self.coverage.claims[index]
        first, second = panes_for_claim(claim, self.shown)
        self.show_articles(first, second)  # type: ignore[attr-defined]
        self.select(self.panes[0], next(s for a, s in claim.members if a == self.shown[0]))

    def choose_in_turn(self, pick: Pick) -> None:
        """A source or a word choice: each choice of the same entry goes to its next place."""
        assert self.comparison is not None
        found = places(self.comparison, pick.kind, pick.key, [(p, self.article(p)) for p in self.panes])
        if found:
            cycle = f"{pick.kind}:{pick.key}"
            self.entity_cycle[cycle] = turn = self.entity_cycle.get(cycle, -1) + 1
            self.select(*found[turn % len(found)])

    def choose_entity(self, key: str) -> None:
        """Mark every mention of a name, and go to the next one each time it is chosen."""
        comparison = self.comparison
        assert comparison is not None
        mentions = [(p, s, e) for p in self.panes for s, e in entity_mentions(self.article(p).entities, key)]
        for pane in self.panes:
            self.view(pane).set_spans("picked", [(s, e) for p, s, e in mentions if p == pane])
        if not mentions:
            return
        index = (self.entity_cycle.get(key, -1) + 1) % len(mentions)
        self.entity_cycle[key] = index
        pane, start, end = mentions[index]
        sid = self.marks_of(pane).sentence_at(start)
        if sid is not None:
            self.select(pane, sid, via="entity", key=key, detail=False)
        self.view(pane).show_offset(start, end)
        count = next((e for e in comparison.entities if e.key == key), None)
        strip = self.query_one(DetailStrip)
        name = count.name if count is not None else key
        label = count.label if count is not None else ""
        counts = (count.left, count.right) if count is not None else (0, 0)
        strip.show_text(strip.entity_text(name, label, counts, (index + 1, len(mentions)), self.names))  # type: ignore[arg-type]

    def show_figure_at(self, pane: str, sid: int) -> None:
        """`f` / `F` landed on sentence `sid`: show its figure as the sidebar would, paired
        with the other outlet's when the figures were paired, else as this one's alone."""
        comparison = self.comparison  # type: ignore[attr-defined]
        figures = self.article(pane).figures  # type: ignore[attr-defined]
        here = [i for i, f in enumerate(figures) if f.sentence == sid]
        for index, pair in enumerate(comparison.figure_pairs):
            if getattr(pair, pane) in here:
                self.choose(Pick("figure", index))
                return
        if here:
            self.choose(Pick("figure", here[0], pane))
        else:
            self.select(pane, sid)  # type: ignore[attr-defined]
