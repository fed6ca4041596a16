"""Who may run and answer the survey: the perms live in cohesion/rules.py; loading them here.

"cohesion.run_survey" (community worker, organisation admin) plans waves, prints the
questionnaires and types in paper answers; "cohesion.answer_survey" (residents) answers for
the own household. The public code page needs no perm: the one-time code is the key.
"""

import samen.cohesion.rules  # noqa: F401
