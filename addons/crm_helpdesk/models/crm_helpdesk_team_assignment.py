# -*- coding: utf-8 -*-
"""Automatic assignment of a team's tickets: the Odoo side of
logic/assignment.py.

Each member's working hours are their own calendar (their resource.resource
of the team's company, or any of theirs) or else the team's; their leaves are
the resource.calendar.leaves of their resource (hr_holidays makes one for each
validated leave when crm_projects is installed) and the closures of their
calendar (leaves without a resource); the public holidays are those of the
team's region, on the member's local date. Round robin is crm_base's
``crm.round.robin.mixin``; least open counts the members' open tickets in one
grouped query and breaks ties by round robin. Both lock the team's row for
the rest of the transaction, so two tickets created at the same moment go to
two people.
"""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..logic import assignment

DEFAULT_TZ = "Europe/Paris"
ONE_DAY = timedelta(days=1)


class CrmHelpdeskTeam(models.Model):
    _inherit = "crm.helpdesk.team"

    def _crm_members_as_of(self, moment):
        """The team's members as ``assignment.Member`` tuples around
        ``moment`` (a naive UTC datetime)."""
        self.ensure_one()
        members = self.sudo().member_ids.filtered("active")
        if not members:
            return []
        resources = self.env["resource.resource"].sudo().search(
            [("user_id", "in", members.ids)], order="id")
        resource_of = {}
        for resource in resources:
            current = resource_of.get(resource.user_id.id)
            if not current or (resource.company_id == self.company_id
                               and current.company_id != self.company_id):
                resource_of[resource.user_id.id] = resource
        team_calendar = self.sudo().resource_calendar_id
        calendar_of = {user.id: (resource_of[user.id].calendar_id
                                 if user.id in resource_of else team_calendar)
                       for user in members}
        # a day either side covers every time zone
        low = fields.Datetime.to_string(moment.replace(hour=0, minute=0, second=0)
                                        - ONE_DAY)
        high = fields.Datetime.to_string(moment + ONE_DAY)
        Leave = self.env["resource.calendar.leaves"].sudo()
        dates = [("date_from", "<", high), ("date_to", ">", low)]
        calendars = {cal.id for cal in calendar_of.values() if cal}
        closures, own = {}, {}
        for leave in Leave.search(dates + [("calendar_id", "in", list(calendars)),
                                           ("resource_id", "=", False)]):
            closures.setdefault(leave.calendar_id.id, []).append(_span(leave))
        resource_ids = [resource.id for resource in resource_of.values()]
        for leave in Leave.search(dates + [("resource_id", "in", resource_ids)]):
            own.setdefault(leave.resource_id.id, []).append(_span(leave))
        today = fields.Date.to_string(moment.date())
        result = []
        for user in members:
            calendar = calendar_of[user.id]
            attendances = tuple(
                (int(att.dayofweek), att.hour_from, att.hour_to)
                for att in calendar.attendance_ids
                if (not att.date_from or att.date_from <= today)
                and (not att.date_to or att.date_to >= today)) if calendar else ()
            leaves = list(closures.get(calendar.id, [])) if calendar else []
            if user.id in resource_of:
                leaves += own.get(resource_of[user.id].id, [])
            result.append(assignment.Member(
                id=user.id, tz=user.tz or DEFAULT_TZ, attendances=attendances,
                leaves=tuple(leaves)))
        return result

    def _crm_assignee_for(self, category=None, moment=None):
        """The member who gets the next ticket of ``category`` at ``moment``
        (now by default), recorded as the team's last assigned; an empty
        recordset when nobody works now or the team assigns manually.
        Locks the team's row until the end of the transaction."""
        self.ensure_one()
        Users = self.env["res.users"]
        if self.assign_method == "manual":
            return Users
        moment = moment or fields.Datetime.from_string(fields.Datetime.now())
        team = self.sudo()
        # Lock first: the open tickets are counted after the previous
        # assignment of a concurrent transaction is committed.
        self.env.cr.execute("SELECT id FROM crm_helpdesk_team WHERE id = %s FOR UPDATE",
                            (self.id,))
        skilled = set(category.sudo().skill_user_ids.ids) if category else set()
        ids = assignment.candidates(self._crm_members_as_of(moment), moment,
                                    self.holidays_region, skilled)
        if ids and self.assign_method == "least_open":
            ids = assignment.fewest_open(ids, self._crm_open_ticket_counts(ids))
        return Users.browse(team._crm_round_robin_next(Users.sudo().browse(ids)).id)

    def _crm_open_ticket_counts(self, user_ids):
        """{user id: number of open tickets assigned to them}, every team."""
        self.env.cr.execute(
            "SELECT user_id, count(*) FROM crm_ticket WHERE user_id IN %s "
            "AND active AND is_closed IS NOT TRUE GROUP BY user_id", (tuple(user_ids),))
        return dict(self.env.cr.fetchall())

    def action_crm_assign_waiting(self):
        """Assign the team's open tickets nobody has, to the members working
        now (the button of the team, for managers)."""
        if not self.env.user.has_group("crm_helpdesk.group_helpdesk_manager"):
            raise AccessError(_("Only a helpdesk manager can assign the waiting tickets."))
        tickets = self.env["crm.ticket"].search(
            [("team_id", "in", self.ids), ("user_id", "=", False), ("is_closed", "=", False)],
            order="create_date, id")
        tickets._crm_assign()
        return True

    @api.model
    def _crm_cron_assign_waiting(self):
        """Every 15 minutes: the tickets nobody had when they came in (no member
        was working) go to the members who started working since."""
        teams = self.search([("assign_method", "!=", "manual")])
        tickets = self.env["crm.ticket"].search(
            [("team_id", "in", teams.ids), ("user_id", "=", False), ("is_closed", "=", False)],
            order="create_date, id")
        return tickets._crm_assign()


def _span(leave):
    return (fields.Datetime.from_string(leave.date_from),
            fields.Datetime.from_string(leave.date_to))
