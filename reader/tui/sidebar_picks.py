"""Going where a sidebar entry points: a one-outlet claim, a figure (or a pair of
figures), each mention of a name in turn, or a note."""

from __future__ import annotations

from textual.widgets import Tree

from .widgets.detail import DetailStrip, entity_mentions
from .widgets.sidebar import Pick


class SidebarPicks:
    """Mixed into the reader app: `choose` a sidebar entry; `entity_cycle` remembers which
    mention of each name was shown last."""

    # A handler by name, not `@on`: a mixin is not a message pump, so `@on` here
    # would never be registered. The id check does what the selector did.
    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.control is None or event.control.id != "sidebar":
            return
        pick = event.node.data
        if isinstance(pick, Pick):
            self.choose(pick)

    def choose(self, pick: Pick) -> None:
        """Go to what a sidebar entry points at."""
        comparison = self.comparison
        if comparison is None:
            return
        if pick.kind == "only" and pick.side is not None:
            self.select(pick.side, int(pick.key))  # type: ignore[arg-type]
        elif pick.kind == "figure":
            self._choose_figure(pick)
        elif pick.kind == "entity":
            self._choose_entity(str(pick.key))
        elif pick.kind == "note":
            note = next((n for n in self.notes if n.id == pick.key), None)
            if note is not None:
                self._go_to_note(note)

    def _choose_figure(self, pick: Pick) -> None:
        comparison = self.comparison
        assert comparison is not None
        if pick.side is None:
            pair = comparison.figure_pairs[int(pick.key)]  # type: ignore[arg-type]
            lf, rf = comparison.left.figures[pair.left], comparison.right.figures[pair.right]
            self.view("left").set_spans("picked", [(lf.start, lf.end)])
            self.view("right").set_spans("picked", [(rf.start, rf.end)])
            self.select("left", lf.sentence, via="figure", key=pick.key, detail=False)
            right = self.view("right")
            if rf.sentence not in right.counterpart:
                right.set_selection(rf.sentence, (), right.counterpart | {rf.sentence})
            right.show_offset(rf.start, rf.end)
            strip = self.part(DetailStrip, DetailStrip)
            strip.show_text(strip.figure_text(comparison, pair, self.names))
        else:
            article = comparison.left if pick.side == "left" else comparison.right
            fig = article.figures[int(pick.key)]  # type: ignore[arg-type]
            self.view(pick.side).set_spans("picked", [(fig.start, fig.end)])
            self.select(pick.side, fig.sentence, via="figure", key=pick.key)

    def _choose_entity(self, key: str) -> None:
        comparison = self.comparison
        assert comparison is not None
        mentions = [("left", s, e) for s, e in entity_mentions(comparison.left.entities, key)]
        mentions += [("right", s, e) for s, e in entity_mentions(comparison.right.entities, key)]
        for side in ("left", "right"):
            self.view(side).set_spans("picked", [(s, e) for sd, s, e in mentions if sd == side])
        if not mentions:
            return
        index = self.entity_cycle.get(key, -1) + 1
        index %= len(mentions)
        self.entity_cycle[key] = index
        side, start, end = mentions[index]
        sid = self.marks[side].sentence_at(start)
        if sid is not None:
            self.select(side, sid, via="entity", key=key, detail=False)
        view = self.view(side)
        view.show_offset(start, end)
        count = next((e for e in comparison.entities if e.key == key), None)
        strip = self.part(DetailStrip, DetailStrip)
        name = count.name if count is not None else key
        label = count.label if count is not None else ""
        counts = (count.left, count.right) if count is not None else (0, 0)
        strip.show_text(strip.entity_text(name, label, counts, (index + 1, len(mentions)), self.names))
