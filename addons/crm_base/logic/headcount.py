"""Headcount bands of French companies, as INSEE publishes them in SIRENE.

The keys are INSEE's own "tranche d'effectif salarié" codes, so that a
SIRENE record fills the band as it comes. INSEE splits 1,000+ further
(42, 51, 52, 53); a French SME's CRM only needs "1,000 or more", so those
codes fold into 42.
"""

# (INSEE code, lowest headcount of the band); the label lives in the model
BANDS = [
    ("00", 0),
    ("01", 1),
    ("02", 3),
    ("03", 6),
    ("11", 10),
    ("12", 20),
    ("21", 50),
    ("22", 100),
    ("31", 200),
    ("32", 250),
    ("41", 500),
    ("42", 1000),
]

_LARGE = {"42", "51", "52", "53"}


def band_from_insee(code):
    """INSEE code of SIRENE ('NN', '00'... '53') -> our band key, or False."""
    code = (code or "").strip()
    if code in _LARGE:
        return "42"
    if code in dict(BANDS):
        return code
    return False  # 'NN' (not known) and anything else


def band_for_headcount(count):
    """Number of employees -> band key; False for None or a negative number."""
    if count is None or count < 0:
        return False
    key = False
    for code, lowest in BANDS:
        if count >= lowest:
            key = code
    return key
