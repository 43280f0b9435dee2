"""The analysis layer: spaCy parses in, plain model data out. Never imports Textual."""
