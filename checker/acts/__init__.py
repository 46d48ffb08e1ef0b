"""Acts in force: read one into a tree, apply a bill to it, compare, check it legal-technically.

`structure` parses the act, `locate` finds a bill's target in it, `apply` carries out the
instructions, `techcheck` turns what could not be carried out into findings, `compare` builds the
comparative table, `parity` matches the Kazakh and Russian texts of one bill.
"""

from checker.acts.load import load_act, parse_act_lines

__all__ = ["load_act", "parse_act_lines"]
