"""Two short tellings of the same two claims, differing in one word each time: the
shared case of the word-choice tests (analysis, brief and reader)."""

REGIME_LEFT = (
    "The regime shelled the northern town of Kafr Nabl on Monday morning.\n\n"
    "The regime closed the border crossing at Bab al-Hawa on Tuesday evening.\n"
)
GOVERNMENT_RIGHT = (
    "The government shelled the northern town of Kafr Nabl on Monday morning.\n\n"
    "The government closed the border crossing at Bab al-Hawa on Tuesday evening.\n"
)
