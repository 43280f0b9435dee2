"""bothsides: compare how two outlets report the same event."""

# Shown in briefs and the JSON; part of every cache key, beside a fingerprint of the
# analysis code (see `cache.engine_fingerprint`), so a forgotten bump serves nothing stale.
__version__ = "0.1.0"
