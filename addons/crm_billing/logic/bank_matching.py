# -*- coding: utf-8 -*-
"""Bank statement matching: which open items (invoices, credit notes, vendor
bills) a bank statement line pays, with a score and the reasons.

Input, plain dicts (the models build them from records):

- a statement line: ``id``, ``amount`` (positive = money received),
  ``date`` (``datetime.date`` or ISO string), ``label``, and optionally
  ``partner_name``, ``iban`` (the counterparty's account) and ``ref`` (a
  structured reference, e.g. a CAMT ``CdtrRefInf/Ref`` or an RF reference);
- an open item: ``id``, ``number`` (the invoice number, e.g. FAC/2026/0005),
  ``partner_id`` (any hashable key; the partner name when missing),
  ``partner_name``, ``partner_ibans`` (list), ``residual`` (signed like the
  line that would pay it: positive for what a customer owes, negative for what
  is owed to a supplier), ``date`` (invoice date), ``due_date`` and
  ``reference`` (the payment communication, optional).

Output: one proposal per line that has a candidate (see :func:`match`), with
``item_ids``, ``allocations`` (item id -> amount applied, in the line's
sign), ``score`` (0-100), ``reasons`` (codes of :data:`REASONS`), ``kind``
and ``sure``. A proposal is sure when its score reaches
:data:`SURE_THRESHOLD`, no other candidate of that line comes close, and no
other sure proposal claims more than what is left of one of its items: sure
proposals may be reconciled without a human, the others wait for a click.

How it stays fast on 10,000 lines x 10,000 items: the open items are indexed
by their number and reference (compacted: "FAC 2026 0005", "fac-2026-0005"
and "FAC/2026/0005" are one key), by amount in cents, and by partner; the
partners by IBAN and by compacted name. A line looks up the runs of words of
its label in those dictionaries (a few lookups per word) and never loops over
all items. The subset sum for a grouped payment runs over the open items of
one customer only, bounded in items and in size.

No ``odoo`` import: the models call :func:`match` and store the result.
"""
import datetime
import re
import unicodedata
from collections import defaultdict
from decimal import Decimal

#: Score at or above which a proposal can be reconciled automatically.
SURE_THRESHOLD = 75
#: A sure proposal needs this lead over the line's second-best candidate.
SURE_MARGIN = 15
#: Kinds of proposal that may be sure; an overpayment or a match on the
#: amount alone always waits for a human.
SURE_KINDS = ("exact", "grouped", "partial")
#: Points of each piece of evidence.
POINTS = {
    "reference": 50,        # the item's number or reference is in the label
    "amount": 30,           # the amount equals what is due (or a sum of it)
    "partial": 15,          # label names the item, amount lower than due
    "overpaid": 5,          # label names the item, amount higher than due
    "iban": 30,             # the counterparty's IBAN is the customer's
    "name": 30,             # the customer's name is in the label/payer name
    "unique": 10,           # the only open item (or subset) of that customer
    "date": 5,              # paid between the invoice date and due + window
    "date_out": -15,        # paid long before the invoice or long after due
    "other_partner": -40,   # label names an item of another customer
}
#: Reason codes, with an English text the models translate.
REASONS = {
    "reference": "invoice number or reference in the label",
    "amount": "same amount",
    "grouped": "sum of several invoices",
    "partial": "partial payment",
    "overpaid": "paid more than due",
    "iban": "customer's bank account",
    "name": "customer's name",
    "unique": "only open invoice with this amount",
    "date": "date in the expected window",
    "date_out": "date out of the expected window",
    "other_partner": "invoice of another customer",
    "ambiguous": "other candidates as likely",
    "conflict": "another line pays the same invoice",
}
#: Days before the invoice date and after the due date a payment is expected.
DAYS_BEFORE = 10
DAYS_AFTER_DUE = 180
#: Bounds of the subset sum for grouped payments without reference.
SUBSET_MAX_ITEMS = 24
SUBSET_MAX_SIZE = 5
SUBSET_MAX_STEPS = 20000
#: Longest run of label words tried as one key ("FAC 2026 0005" is 3).
MAX_RUN = 5
#: Legal forms left out of names before comparing them.
LEGAL_FORMS = frozenset(
    "SA SAS SASU SARL EURL SNC SCI SCP SELARL EI EIRL SCOP GIE SEM ET CIE FILS "
    "STE SOCIETE ETS ETABLISSEMENTS".split())
#: Words of bank labels that name no one.
NOISE_WORDS = frozenset(
    "VIR VIREMENT SEPA RECU EMIS DE DU DES LA LE LES PAR POUR REF REFERENCE FACT "
    "FACTURE FACTURES FAC INV PRLV PRELEVEMENT CB CHQ CHEQUE REMISE PAIEMENT REGLEMENT "
    "M MR MME MLLE INST INSTANTANE NOTPROVIDED MOTIF ET".split())

_WORD_RE = re.compile(r"[A-Z0-9]+")


def strip_accents(text):
    """``text`` upper-cased, without accents (É -> E, ç -> C)."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def words(text):
    """The alphanumeric runs of ``text``, upper-cased and unaccented."""
    return _WORD_RE.findall(strip_accents(text))


def compact(text):
    """``text`` without accents, case, spaces or punctuation: the key that
    makes "FAC 2026 0005" and "fac/2026/0005" equal."""
    return "".join(words(text))


def name_key(name):
    """A partner name as a key: compacted, without legal forms and
    "&"-joined family words ("Menuiserie Durand & Fils SARL" -> MENUISERIEDURAND)."""
    kept = [w for w in words((name or "").replace("&", " ")) if w not in LEGAL_FORMS]
    return "".join(kept)


def iban_key(iban):
    return compact(iban)


def to_cents(value):
    """An amount (float, str, Decimal, int) as integer cents, exactly."""
    if isinstance(value, float):
        value = repr(value)
    return int((Decimal(value or 0) * 100).to_integral_value())


def to_date(value):
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(str(value)[:10], "%Y-%m-%d").date()


def runs(word_list, max_run=MAX_RUN):
    """Every concatenation of 1 to ``max_run`` consecutive words, with the
    index of its first word: the keys a label is looked up by."""
    for start in range(len(word_list)):
        key = ""
        for end in range(start, min(len(word_list), start + max_run)):
            key += word_list[end]
            yield start, end, key


class _Item(object):
    __slots__ = ("id", "number", "partner", "partner_name", "ibans", "cents", "date",
                 "due_date", "reference", "order")

    def __init__(self, values, order):
        self.id = values["id"]
        self.number = values.get("number") or ""
        self.partner_name = values.get("partner_name") or ""
        self.partner = values.get("partner_id") or name_key(self.partner_name) or None
        self.ibans = [iban_key(i) for i in values.get("partner_ibans") or () if i]
        self.cents = to_cents(values.get("residual"))
        self.date = to_date(values.get("date"))
        self.due_date = to_date(values.get("due_date")) or self.date
        self.reference = values.get("reference") or ""
        self.order = order


class Index(object):
    """The open items, indexed for :func:`match_line`."""

    def __init__(self, items):
        self.items = [_Item(values, n) for n, values in enumerate(items)]
        self.by_key = defaultdict(list)       # compacted number/reference -> items
        self.by_cents = defaultdict(list)     # residual in cents -> items
        self.by_partner = defaultdict(list)   # partner -> items
        self.partner_by_iban = defaultdict(set)
        self.partner_by_name = defaultdict(set)
        self.name_of_partner = {}
        for item in self.items:
            for text in (item.number, item.reference):
                key = compact(text)
                # A reference of 3 characters or less ("1", "AB") would be found
                # in too many labels to mean anything.
                if len(key) > 3 and item not in self.by_key[key]:
                    self.by_key[key].append(item)
            self.by_cents[item.cents].append(item)
            self.by_partner[item.partner].append(item)
            for iban in item.ibans:
                self.partner_by_iban[iban].add(item.partner)
            key = name_key(item.partner_name)
            self.name_of_partner[item.partner] = key
            if len(key) > 2:
                self.partner_by_name[key].add(item.partner)

    def referenced_items(self, word_list):
        """Items whose number or reference is a run of ``word_list``: the
        longest run wins where runs overlap ("FAC 2026 00051" is not 0005)."""
        found = []
        taken_until = -1
        for start in range(len(word_list)):
            if start <= taken_until:
                continue
            best = None
            key = ""
            for end in range(start, min(len(word_list), start + MAX_RUN)):
                key += word_list[end]
                hits = self.by_key.get(key)
                if hits:
                    best = (end, hits)
            if best:
                taken_until = best[0]
                for item in best[1]:
                    if item not in found:
                        found.append(item)
        return found

    def partners_named(self, word_list, partner_name):
        """Partners whose name is a run of the label or the payer's name, with
        the name keys found (a bank may cut a name: "BOUCHERIE BERTRAND G")."""
        partners = set()
        keys = set()
        payer = name_key(partner_name)
        if payer in self.partner_by_name:
            partners |= self.partner_by_name[payer]
            keys.add(payer)
        kept = [w for w in word_list if w not in LEGAL_FORMS]
        found = [(start, end, key) for start, end, key in runs(kept, 6)
                 if key in self.partner_by_name]
        for start, end, key in found:
            # "GARAGE DURAND GRENOBLE" names Garage Durand Grenoble, not also
            # Garage Durand: a name inside a longer one found is left out.
            if any(s <= start and end <= e and (e - s) > (end - start) for s, e, _k in found):
                continue
            partners |= self.partner_by_name[key]
            keys.add(key)
        return partners, keys


class _Candidate(object):
    __slots__ = ("items", "allocations", "score", "reasons", "kind")

    def __init__(self, items, allocations, kind):
        self.items = items
        self.allocations = allocations
        self.score = 0
        self.reasons = []
        self.kind = kind

    def add(self, reason, points=None):
        self.score += POINTS[reason] if points is None else points
        if reason not in self.reasons:
            self.reasons.append(reason)


def _date_points(candidate, line_date):
    if not line_date:
        return
    inside = True
    for item in candidate.items:
        if item.date and line_date < item.date - datetime.timedelta(days=DAYS_BEFORE):
            inside = False
        if item.due_date and line_date > item.due_date + datetime.timedelta(
                days=DAYS_AFTER_DUE):
            inside = False
    candidate.add("date" if inside else "date_out")


def _subsets(items, target, line_date=None, max_size=SUBSET_MAX_SIZE,
             max_steps=SUBSET_MAX_STEPS):
    """Subsets (of 2 items or more) of ``items`` whose cents sum to
    ``target``; at most two are returned (two means ambiguous). Among the
    :data:`SUBSET_MAX_ITEMS` items due closest to ``line_date``, depth-first
    over the amounts in decreasing order, pruned by what is left to reach."""
    if line_date and len(items) > SUBSET_MAX_ITEMS:
        far = datetime.date.max - datetime.date.min
        items = sorted(items, key=lambda i: abs(i.due_date - line_date) if i.due_date else far)
    items = sorted(items[:SUBSET_MAX_ITEMS], key=lambda i: -abs(i.cents))
    sign = 1 if target >= 0 else -1
    values = [abs(i.cents) for i in items]
    goal = abs(target)
    suffix = [0] * (len(values) + 1)
    for n in range(len(values) - 1, -1, -1):
        suffix[n] = suffix[n + 1] + values[n]
    found = []
    steps = [0]

    def walk(start, left, chosen):
        if len(found) >= 2 or steps[0] > max_steps:
            return
        steps[0] += 1
        if left == 0:
            if len(chosen) >= 2:
                found.append([items[n] for n in chosen])
            return
        if len(chosen) >= max_size or suffix[start] < left:
            return
        for n in range(start, len(values)):
            if values[n] <= left:
                chosen.append(n)
                walk(n + 1, left - values[n], chosen)
                chosen.pop()
                if len(found) >= 2:
                    return
    if goal and all(i.cents * sign > 0 for i in items):
        walk(0, goal, [])
    if steps[0] > max_steps:
        # Not explored to the end: a second solution may exist.
        return found + [None] if len(found) == 1 else found
    return found


def _candidates(index, line):
    cents = to_cents(line.get("amount"))
    if not cents:
        return []
    sign = 1 if cents > 0 else -1
    line_date = to_date(line.get("date"))
    label_words = words(line.get("label")) + words(line.get("ref"))
    same_sign = (lambda item: item.cents * sign > 0)

    partners_iban = set(index.partner_by_iban.get(iban_key(line.get("iban")), ())) \
        if line.get("iban") else set()
    partners_name, name_keys = index.partners_named(label_words, line.get("partner_name"))
    known_partners = partners_iban | partners_name

    def partner_points(candidate):
        partners = {item.partner for item in candidate.items}
        if len(partners) != 1:
            return
        partner = next(iter(partners))
        if partner in partners_iban:
            candidate.add("iban")
        if partner in partners_name:
            candidate.add("name")
        if known_partners and partner not in known_partners:
            # The label names another customer, unless only by a name that the
            # bank may have cut from this one's ("GARAGE DURAND" of "Garage
            # Durand Grenoble", which counts as this one's name); an IBAN of
            # another customer always counts.
            own_name = index.name_of_partner.get(partner) or ""
            if partners_iban or not any(own_name.startswith(key) for key in name_keys):
                candidate.add("other_partner")
            else:
                candidate.add("name")

    candidates = []
    referenced = [i for i in index.referenced_items(label_words) if same_sign(i)]
    if referenced:
        by_partner = defaultdict(list)
        for item in referenced:
            by_partner[item.partner].append(item)
        groups = list(by_partner.values())
        if len(groups) > 1:
            groups.append(referenced)
        for group in groups:
            group_total = sum(i.cents for i in group)
            if group_total == cents:
                cand = _Candidate(group, {i.id: i.cents for i in group},
                                  "grouped" if len(group) > 1 else "exact")
                cand.add("reference")
                cand.add("amount")
                if len(group) > 1:
                    cand.reasons.append("grouped")
            elif len(group) == 1 and abs(cents) < abs(group_total):
                cand = _Candidate(group, {group[0].id: cents}, "partial")
                cand.add("reference")
                cand.add("partial")
            elif len(group) > 1 and abs(cents) < abs(group_total):
                subsets = _subsets(group, cents, line_date)
                if len(subsets) != 1:
                    continue
                cand = _Candidate(subsets[0], {i.id: i.cents for i in subsets[0]}, "grouped")
                cand.add("reference")
                cand.add("amount")
                cand.reasons.append("grouped")
            else:
                cand = _Candidate(group, {i.id: i.cents for i in group}, "overpaid")
                cand.add("reference")
                cand.add("overpaid")
            partner_points(cand)
            _date_points(cand, line_date)
            candidates.append(cand)

    referenced_ids = {i.id for i in referenced}
    # Same amount, for a customer the line names (IBAN or name).
    for partner in known_partners:
        open_items = [i for i in index.by_partner.get(partner, ()) if same_sign(i)]
        exact = [i for i in open_items if i.cents == cents and i.id not in referenced_ids]
        for item in exact:
            cand = _Candidate([item], {item.id: cents}, "exact")
            cand.add("amount")
            partner_points(cand)
            if len(exact) == 1:
                cand.add("unique")
            _date_points(cand, line_date)
            candidates.append(cand)
        if not exact and not referenced and len(open_items) > 1:
            subsets = _subsets(open_items, cents, line_date)
            for subset in subsets:
                if subset is None:
                    continue
                cand = _Candidate(subset, {i.id: i.cents for i in subset}, "grouped")
                cand.add("amount")
                cand.reasons.append("grouped")
                partner_points(cand)
                if len(subsets) == 1:
                    cand.add("unique")
                _date_points(cand, line_date)
                candidates.append(cand)

    # Same amount, nothing else known: a weak hint, never sure on its own.
    if not candidates:
        same_amount = list(index.by_cents.get(cents, ()))
        if len(same_amount) <= 3:
            for item in same_amount:
                cand = _Candidate([item], {item.id: cents}, "amount_only")
                cand.add("amount")
                if len(same_amount) == 1:
                    cand.add("unique")
                _date_points(cand, line_date)
                candidates.append(cand)
    return candidates


def _sorted(candidates):
    return sorted(candidates, key=lambda c: (-c.score, min(i.order for i in c.items)))


def match_line(index, line):
    """The best candidate for ``line`` as a proposal dict (None if none),
    with ``sure`` decided for this line alone."""
    candidates = _sorted(_candidates(index, line))
    if not candidates:
        return None
    best = candidates[0]
    ambiguous = len(candidates) > 1 and candidates[1].score > best.score - SURE_MARGIN
    if "reference" not in best.reasons and any("reference" in c.reasons for c in candidates):
        # The label names an invoice, yet something else scores higher.
        ambiguous = True
    reasons = list(best.reasons)
    if ambiguous:
        reasons.append("ambiguous")
    sure = (best.score >= SURE_THRESHOLD and not ambiguous
            and "other_partner" not in reasons and best.kind in SURE_KINDS)
    return {
        "line_id": line["id"],
        "item_ids": [i.id for i in best.items],
        "allocations": {item_id: Decimal(c) / 100 for item_id, c in best.allocations.items()},
        "score": max(0, min(100, best.score)),
        "reasons": reasons,
        "kind": best.kind,
        "sure": sure,
        "_cents": dict(best.allocations),
        "_residuals": {i.id: i.cents for i in best.items},
    }


def match(lines, items):
    """Proposals for ``lines`` against the open ``items``: a list of dicts
    (see the module's docstring), one per line that has a candidate, in the
    order of ``lines``.

    Sure proposals are checked against each other: where several lines would
    apply more than what is due on one item, none of them stays sure.
    """
    index = Index(items)
    proposals = []
    for line in lines:
        proposal = match_line(index, line)
        if proposal:
            proposals.append(proposal)
    claimed = defaultdict(int)
    residuals = {}
    for proposal in proposals:
        residuals.update(proposal["_residuals"])
        if proposal["sure"]:
            for item_id, cents in proposal["_cents"].items():
                claimed[item_id] += cents
    over = {item_id for item_id, cents in claimed.items()
            if abs(cents) > abs(residuals[item_id])}
    for proposal in proposals:
        if proposal["sure"] and over.intersection(proposal["item_ids"]):
            proposal["sure"] = False
            proposal["reasons"].append("conflict")
    for proposal in proposals:
        del proposal["_cents"]
        del proposal["_residuals"]
    return proposals
