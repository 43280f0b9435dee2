"""Component styles as Rich styles that read well on any theme.

A Rich style cannot be translucent, and a partial component style leaves `auto` and
translucent colours unresolved (they come out white on a light theme). Here they are
mixed into the widget's own background first, so `$foreground 55%` or `#3fb950 28%`
becomes the solid colour a reader actually sees.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    styles = widget.get_component_styles(name)
    style = styles.partial_rich_style
    background = widget.background_colors[1]
    extra = {}
    if styles.has_rule("background") and styles.background.a < 1:
        background = background + styles.background
        extra["bgcolor"] = background.rich_color
    if styles.has_rule("color"):
        color = styles.color
        if color.a < 1:
            extra["color"] = (background + color).rich_color
    return style + Style(**extra) if extra else style
