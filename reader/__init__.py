"""bothsides: compare how two outlets report the same event."""

# Part of every cache key: bump when the analysis changes what it produces.
__version__ = "0.1.0"
