# -*- coding: utf-8 -*-
"""The SLA of a ticket: the policy that applies, its deadlines in the team's
business hours, the pauses while it waits for the customer, and its status.

The deadlines are stored: the clock (logic/sla_clock.py) computes them once
when the ticket is opened, when its team, priority or category changes, and
when it stops waiting for the customer (the deadlines move by the business
time it waited). The status depends on the time of day too: the cron of
crm_helpdesk_sla_escalation (every 5 minutes) refreshes it for open tickets.
"""
import io

from odoo import api, fields, models

from .crm_helpdesk_team_sla import utc_minute, utc_text
from .crm_ticket_stage import CLOSED_STATES

SLA_STATUSES = [
    ("none", "No SLA"),
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("late", "Late"),
    ("met", "Met"),
    ("failed", "Failed"),
]
# (deadline field, warning field, hours field of the policy, paused minutes field)
SLA_KINDS = {
    "response": ("sla_response_deadline", "sla_response_warn_date", "response_hours",
                 "sla_response_paused"),
    "resolution": ("sla_resolution_deadline", "sla_resolution_warn_date", "resolution_hours",
                   "sla_resolution_paused"),
}


# The SQL of the bulk recompute, built once from the field names above
_DEADLINE_NAMES = [name for kind in SLA_KINDS.values() for name in kind[:2]]
BULK_CREATE = ("CREATE TEMP TABLE crm_sla_bulk (id int, status varchar, response_met bool, "
               "resolution_met bool, %s) ON COMMIT DROP" % (
                   ", ".join("%s int" % name for name in _DEADLINE_NAMES)))
BULK_UPDATE = """
    UPDATE crm_ticket AS t SET sla_status = b.status, sla_response_met = b.response_met,
           sla_resolution_met = b.resolution_met, %s
      FROM crm_sla_bulk b
     WHERE t.id = b.id AND (t.sla_status IS DISTINCT FROM b.status
                            OR t.sla_response_met IS DISTINCT FROM b.response_met
                            OR t.sla_resolution_met IS DISTINCT FROM b.resolution_met OR %s)""" % (
    ", ".join("%s = TIMESTAMP '1970-01-01' + b.%s * INTERVAL '1 minute'" % (name, name)
              for name in _DEADLINE_NAMES),
    " OR ".join("t.%s IS DISTINCT FROM TIMESTAMP '1970-01-01' + b.%s * INTERVAL '1 minute'"
                % (name, name) for name in _DEADLINE_NAMES))


def sla_status_of(values, now):
    """The SLA status of a ticket from its plain ``values`` (Odoo's datetime
    texts, which compare as dates) at ``now`` (the same text form)."""
    response, resolution = values["response_deadline"], values["resolution_deadline"]
    if not values["has_sla"] or not (response or resolution):
        return "none"
    closed = values["closed_date"] if values["state"] in CLOSED_STATES else False
    # the clock stops while the ticket waits for the customer
    moment = closed or values["pause_start"] or now
    answered = values["first_response_date"] or closed
    late_response = bool(response) and (answered or moment) > response
    late_resolution = bool(resolution) and moment > resolution
    if closed:
        return "failed" if late_response or late_resolution else "met"
    if late_response or late_resolution:
        return "late"
    warn_response, warn_resolution = values["response_warn"], values["resolution_warn"]
    if (warn_response and not answered and moment >= warn_response) or \
            (warn_resolution and moment >= warn_resolution):
        return "at_risk"
    return "on_track"


def sla_met_of(values):
    """(first response in time, solved in time) from the same plain values as
    ``sla_status_of``."""
    closed = values["closed_date"] if values["state"] in CLOSED_STATES else False
    answered = values["first_response_date"] or closed
    response, resolution = values["response_deadline"], values["resolution_deadline"]
    return (bool(response and answered and answered <= response),
            bool(resolution and closed and values["state"] == "solved" and closed <= resolution))


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    sla_id = fields.Many2one(
        "crm.helpdesk.sla", string="SLA policy", compute="_compute_sla_id", store=True,
        index=True, help="The most specific active policy of the team that matches the "
                         "ticket's priority and category.")
    sla_start_date = fields.Datetime(
        string="SLA clock started", readonly=True, copy=False, default=fields.Datetime.now,
        help="When the ticket was opened: the SLA deadlines count from here.")
    sla_response_deadline = fields.Datetime(
        string="First response due", compute="_compute_sla_deadlines", store=True,
        help="In the team's business hours (its calendar, closures and public holidays), "
             "moved by the time the ticket waited for the customer.")
    sla_resolution_deadline = fields.Datetime(
        string="Resolution due", compute="_compute_sla_deadlines", store=True)
    sla_response_warn_date = fields.Datetime(
        string="First response at risk from", compute="_compute_sla_deadlines", store=True)
    sla_resolution_warn_date = fields.Datetime(
        string="Resolution at risk from", compute="_compute_sla_deadlines", store=True)
    sla_pause_start = fields.Datetime(
        string="Waiting for the customer since", readonly=True, copy=False,
        help="The SLA clocks are stopped while the ticket waits for the customer.")
    sla_response_paused = fields.Integer(
        string="First response clock paused (minutes)", readonly=True, copy=False,
        help="Business minutes the ticket waited for the customer before its first "
             "response was due.")
    sla_resolution_paused = fields.Integer(
        string="Resolution clock paused (minutes)", readonly=True, copy=False)
    sla_response_met = fields.Boolean(
        string="First response in time", compute="_compute_sla_met", store=True)
    sla_resolution_met = fields.Boolean(
        string="Solved in time", compute="_compute_sla_met", store=True)
    sla_status = fields.Selection(
        SLA_STATUSES, string="SLA", compute="_compute_sla_status", store=True,
        help="On track; at risk (the warning share of the time is used); late (a deadline "
             "has passed); met or failed once the ticket is closed.")
    sla_response_hours = fields.Float(
        string="First response time (business hours)", compute="_compute_sla_hours",
        store=True, group_operator="avg")
    sla_resolution_hours = fields.Float(
        string="Resolution time (business hours)", compute="_compute_sla_hours",
        store=True, group_operator="avg")

    def init(self):
        """bench/bench_sla.py: a recompute rewrites the SLA columns of many
        tickets at once (and the cron their status every 5 minutes). None of
        them is indexed, and each page keeps a fifth free (fillfactor 80), so
        that PostgreSQL updates a row in place (a HOT update) instead of
        adding an entry for the new row to each of the table's indexes."""
        result = super(CrmTicket, self).init()
        self.env.cr.execute("ALTER TABLE crm_ticket SET (fillfactor = 80)")
        return result

    # ------------------------------------------------------------ the policy

    @api.depends("team_id", "priority", "category_id", "team_id.sla_ids.active",
                 "team_id.sla_ids.priority", "team_id.sla_ids.category_id",
                 "team_id.sla_ids.sequence")
    def _compute_sla_id(self):
        kept = self._crm_sla_closed_values(["sla_id"])
        for ticket in self:
            if ticket.id in kept:
                ticket.sla_id = kept[ticket.id]["sla_id"]
            else:
                ticket.sla_id = ticket._crm_sla_policy()

    def _crm_sla_closed_values(self, names):
        """{id: {name: stored value}} of the closed tickets among these: their
        SLA is history, which a later change of policy or calendar must not
        rewrite (the report counts it). Read from the table, as stored before
        this recomputation. None with ``crm_sla_recompute_closed`` in the
        context (demo data that backdates tickets, a migration)."""
        if self.env.context.get("crm_sla_recompute_closed"):
            return {}
        ids = tuple(ticket.id for ticket in self
                    if isinstance(ticket.id, int) and ticket.stage_state in CLOSED_STATES)
        if not ids:
            return {}
        self.env.cr.execute("SELECT id, %s FROM crm_ticket WHERE id IN %%s" % ", ".join(
            name for name in names if name in self._fields), [ids])
        return {row[0]: dict(zip(names, row[1:])) for row in self.env.cr.fetchall()}

    def _crm_sla_policy(self):
        """The team's most specific active policy matching the ticket: one set
        for both priority and category before one for either, before one for
        neither; then by sequence."""
        self.ensure_one()
        best, best_key = self.env["crm.helpdesk.sla"], None
        for policy in self.team_id.sla_ids:
            if policy.priority and policy.priority != self.priority:
                continue
            if policy.category_id and policy.category_id != self.category_id:
                continue
            key = (-(bool(policy.priority) + bool(policy.category_id)), policy.sequence,
                   policy.id)
            if best_key is None or key < best_key:
                best, best_key = policy, key
        return best

    # --------------------------------------------------------- the deadlines

    @api.depends("sla_id", "sla_id.response_hours", "sla_id.resolution_hours",
                 "sla_id.warning_percent", "sla_start_date", "sla_response_paused",
                 "sla_resolution_paused", "team_id.resource_calendar_id",
                 "team_id.sla_tz", "team_id.holidays_region")
    def _compute_sla_deadlines(self):
        kept = self._crm_sla_closed_values(_DEADLINE_NAMES)
        for team, tickets in self._crm_by_team().items():
            items = [ticket._crm_sla_item() for ticket in tickets]
            for ticket, values in zip(tickets, self._crm_sla_deadline_values(team, items)):
                ticket.update({name: value or False for name, value in
                               kept[ticket.id].items()} if ticket.id in kept else values)

    def _crm_by_team(self):
        result = {}
        for ticket in self:
            result.setdefault(ticket.team_id, []).append(ticket)
        return result

    def _crm_sla_item(self):
        """What the deadlines of the ticket depend on, as a plain dict."""
        policy = self.sla_id
        return {
            "start": utc_minute(self.sla_start_date or self.create_date) if policy else None,
            "response_hours": policy.response_hours, "resolution_hours": policy.resolution_hours,
            "warning_percent": policy.warning_percent,
            "response_paused": self.sla_response_paused,
            "resolution_paused": self.sla_resolution_paused,
        }

    @api.model
    def _crm_sla_deadline_values(self, team, items):
        """The deadline fields (Odoo's datetime texts, False for none) of the
        tickets of ``team`` described by ``items`` (see ``_crm_sla_item``; no
        policy: ``start`` None). See ``_crm_sla_deadline_minutes``."""
        return [{name: utc_text(minute) for name, minute in values.items()}
                for values in self._crm_sla_deadline_minutes(team, items)]

    @api.model
    def _crm_sla_deadline_minutes(self, team, items):
        """The deadline fields of the tickets described by ``items`` as UTC
        minutes (None for none), computed with one clock, in one batch per kind
        of deadline. A kind promised in 0 hours has no deadline."""
        empty = {name: None for kind in SLA_KINDS.values() for name in kind[:2]}
        values = [dict(empty) for _item in items]
        rows = [(i, item) for i, item in enumerate(items) if item["start"] is not None]
        if not team or not rows:
            return values
        clock = team._crm_sla_clock(since=min(item["start"] for _i, item in rows))
        for kind, (deadline_field, warn_field, _hours, _paused) in SLA_KINDS.items():
            todo = [(i, item) for i, item in rows if (item[kind + "_hours"] or 0) > 0]
            starts = [item["start"] for _i, item in todo]
            full = [int(round(item[kind + "_hours"] * 60)) for _i, item in todo]
            paused = [item[kind + "_paused"] or 0 for _i, item in todo]
            shares = [min(max(item["warning_percent"] or 0, 0), 100) for _i, item in todo]
            deadlines = clock.deadlines(starts, [m + p for m, p in zip(full, paused)])
            warnings = clock.deadlines(starts, [int(round(m * share / 100.0)) + p
                                                for m, p, share in zip(full, paused, shares)])
            for (i, _item), deadline, warning in zip(todo, deadlines, warnings):
                values[i][deadline_field] = deadline
                values[i][warn_field] = warning
        return values

    # --------------------------------------------------------------- pauses

    def _crm_on_stage_change(self, old_states):
        result = super(CrmTicket, self)._crm_on_stage_change(old_states)
        now = fields.Datetime.now()
        for ticket in self:
            old, new = old_states.get(ticket.id), ticket.stage_state
            if new == "waiting" and old != "waiting":
                ticket.write({"sla_pause_start": now})
            elif old == "waiting" and new != "waiting" and ticket.sla_pause_start:
                ticket.write(ticket._crm_sla_pause_end_values(now))
        return result

    def _crm_sla_pause_end_values(self, now):
        """What ending the pause writes: the business minutes it lasted are
        added to each deadline it began before (the deadlines move by that)."""
        self.ensure_one()
        values = {"sla_pause_start": False}
        start = self.sla_pause_start
        if not self.team_id or not self.sla_id:
            return values
        clock = self.team_id._crm_sla_clock(since=utc_minute(start))
        minutes = clock.elapsed(utc_minute(start), utc_minute(now))
        if not minutes:
            return values
        if self.sla_response_deadline and not self.first_response_date and \
                start < self.sla_response_deadline:
            values["sla_response_paused"] = self.sla_response_paused + minutes
        if self.sla_resolution_deadline and start < self.sla_resolution_deadline:
            values["sla_resolution_paused"] = self.sla_resolution_paused + minutes
        return values

    # ------------------------------------------------------------- outcome

    @api.depends("sla_response_deadline", "sla_resolution_deadline", "first_response_date",
                 "closed_date", "stage_state")
    def _compute_sla_met(self):
        for ticket in self:
            ticket.sla_response_met, ticket.sla_resolution_met = sla_met_of(
                ticket._crm_sla_status_values())

    @api.depends("sla_id", "sla_response_deadline", "sla_resolution_deadline",
                 "sla_response_warn_date", "sla_resolution_warn_date", "first_response_date",
                 "closed_date", "stage_state", "sla_pause_start")
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.sla_status = sla_status_of(ticket._crm_sla_status_values(), now)

    def _crm_sla_status_values(self):
        return {
            "has_sla": bool(self.sla_id), "state": self.stage_state,
            "response_deadline": self.sla_response_deadline,
            "resolution_deadline": self.sla_resolution_deadline,
            "response_warn": self.sla_response_warn_date,
            "resolution_warn": self.sla_resolution_warn_date,
            "first_response_date": self.first_response_date,
            "closed_date": self.closed_date, "pause_start": self.sla_pause_start,
        }

    @api.depends("first_response_date", "closed_date", "sla_start_date", "sla_id",
                 "sla_response_paused", "sla_resolution_paused")
    def _compute_sla_hours(self):
        for team, tickets in self._crm_by_team().items():
            starts = [utc_minute(t.sla_start_date or t.create_date) for t in tickets]
            known = [start for ticket, start in zip(tickets, starts) if start is not None
                     and (ticket.first_response_date or ticket.closed_date)]
            clock = team._crm_sla_clock(since=min(known)) if team and known else None
            for ticket, start in zip(tickets, starts):
                response = resolution = 0.0
                if clock is not None and start is not None and ticket.sla_id:
                    if ticket.first_response_date:
                        response = max(0, clock.elapsed(
                            start, utc_minute(ticket.first_response_date)) -
                            ticket.sla_response_paused) / 60.0
                    if ticket.closed_date and ticket.stage_state in CLOSED_STATES:
                        resolution = max(0, clock.elapsed(
                            start, utc_minute(ticket.closed_date)) -
                            ticket.sla_resolution_paused) / 60.0
                ticket.sla_response_hours = round(response, 2)
                ticket.sla_resolution_hours = round(resolution, 2)

    def _crm_sla_refresh_status(self):
        """Recompute the stored status of these tickets (it depends on the
        time of day): the cron's first step."""
        if not self:
            return
        self.invalidate_cache(fnames=["sla_status"], ids=self.ids)
        self._recompute_todo(self._fields["sla_status"])
        self.recompute()

    # ------------------------------------------------------ bulk recompute

    @api.model
    def _crm_sla_recompute_bulk(self, domain=None):
        """Recompute and store the SLA deadlines and status of many tickets at
        once (after a change of working hours, or of holidays): one clock per
        team, the deadlines in batches, stored in one pass.

        ORM bypass (measured by bench/bench_sla.py: 100,000 tickets in seconds
        instead of an ORM write per ticket): the deadlines are those of
        ``_compute_sla_deadlines`` (``_crm_sla_deadline_minutes``, the same
        code), the status that of ``_compute_sla_status`` (``sla_status_of``);
        they are copied (COPY, as minutes) into a temporary table, then written
        by one ``UPDATE ... FROM`` that touches only the rows that change; the
        ORM's caches of these fields are invalidated.
        tests/test_sla_deadlines.py checks that this path stores what the ORM
        does. ``domain``: the tickets (default: every ticket with a policy);
        closed tickets are left as they are (their SLA is history), unless
        the context says ``crm_sla_recompute_closed`` (demo data, a migration).
        Returns the number of tickets recomputed."""
        cr = self.env.cr
        where, params = "t.sla_id IS NOT NULL", []
        if domain is not None:
            ids = self.search(domain).ids
            if not ids:
                return 0
            where, params = "t.id IN %s", [tuple(ids)]
        cr.execute("""
            SELECT t.id, t.team_id, COALESCE(t.sla_start_date, t.create_date),
                   s.response_hours, s.resolution_hours, s.warning_percent,
                   t.sla_response_paused, t.sla_resolution_paused, t.stage_state,
                   t.first_response_date, t.closed_date, t.sla_pause_start
              FROM crm_ticket t JOIN crm_helpdesk_sla s ON s.id = t.sla_id
             WHERE t.team_id IS NOT NULL AND (NOT COALESCE(t.is_closed, false) OR %s)
               AND """ + where, [bool(self.env.context.get("crm_sla_recompute_closed"))] + params)
        by_team = {}
        for row in cr.fetchall():
            by_team.setdefault(row[1], []).append(row)
        names = [name for kind in SLA_KINDS.values() for name in kind[:2]]
        now = utc_minute(fields.Datetime.now())
        lines = []
        for team_id, team_rows in by_team.items():
            items = [{"start": utc_minute(row[2]), "response_hours": row[3],
                      "resolution_hours": row[4], "warning_percent": row[5],
                      "response_paused": row[6], "resolution_paused": row[7]}
                     for row in team_rows]
            team = self.env["crm.helpdesk.team"].browse(team_id)
            for row, values in zip(team_rows, self._crm_sla_deadline_minutes(team, items)):
                # the status, as _compute_sla_status computes it, on minutes
                plain = {
                    "has_sla": True, "state": row[8],
                    "response_deadline": values["sla_response_deadline"],
                    "resolution_deadline": values["sla_resolution_deadline"],
                    "response_warn": values["sla_response_warn_date"],
                    "resolution_warn": values["sla_resolution_warn_date"],
                    "first_response_date": row[9] and utc_minute(row[9]),
                    "closed_date": row[10] and utc_minute(row[10]),
                    "pause_start": row[11] and utc_minute(row[11])}
                status = sla_status_of(plain, now)
                met = ["t" if flag else "f" for flag in sla_met_of(plain)]
                lines.append("\t".join([str(row[0]), status] + met + [
                    "\\N" if values[name] is None else str(values[name]) for name in names]))
        if not lines:
            return 0
        cr.execute(BULK_CREATE)
        cr.copy_from(io.StringIO("\n".join(lines)), "crm_sla_bulk",
                     columns=["id", "status", "response_met", "resolution_met"] + names)
        cr.execute(BULK_UPDATE)
        cr.execute("DROP TABLE crm_sla_bulk")
        self.invalidate_cache(fnames=names + ["sla_status", "sla_response_met",
                                              "sla_resolution_met"])
        return len(lines)
