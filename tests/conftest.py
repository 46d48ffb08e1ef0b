"""Tests never read or write the user's rule-base cache (tests/test_rule_cache.py turns it on
in a temporary folder of its own)."""

import os

os.environ["LAWCHECK_NO_CACHE"] = "1"
