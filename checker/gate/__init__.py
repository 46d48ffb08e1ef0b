"""The gate's pieces around the checking pipeline: what to check and what a finding counts for.

collect      the drafts named on the command line (folders walked, include/exclude globs)
config       `.lawcheck.yaml` / `[tool.lawcheck]`, found from each draft upwards
suppress     waivers written in the config, each with its reason
fingerprint  what a finding is about, stable across renumbering
baseline     findings recorded once, so that only new ones fail the run
"""
