"""Scripts that are not tests: fitting and evaluating the claim scorer, regenerating the
stored comparison and the sample brief. Run each from the project folder with
`uv run python -m tools.<name>`."""
