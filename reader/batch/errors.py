"""The batch's one error: what stops the whole batch, said in one line."""


class BatchError(Exception):
    """A manifest or output folder that cannot be used; the message is one line."""
