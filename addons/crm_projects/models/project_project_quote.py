# -*- coding: utf-8 -*-
"""A project made from a signed quote or a won opportunity.

The quote's sections become phases, each priced line a task whose hours to
plan come from the line's quantity and unit (logic/sold_hours.py, in the
company calendar's hours), consecutive phases wait for each other; the
project keeps the customer, the quote, the opportunity and the amount sold.
The buttons are on crm.quote (crm_quote_project.py) and crm.opportunity
(crm_opportunity_project.py); both end here.
"""
from odoo import _, api, fields, models
from odoo.tools import html_escape, plaintext2html

from ..logic import sold_hours


class ProjectProject(models.Model):
    _inherit = "project.project"

    crm_sold_amount = fields.Monetary(
        string="Sold amount excl. VAT", currency_field="currency_id", copy=False,
        help="What the customer signed for, excluding VAT.")

    # -------------------------------------------------------------- helpers
    @api.model
    def _crm_calendar_attendances(self, company):
        """The company calendar's working week as (weekday, from, to) tuples
        (attendances that ended are left out)."""
        today = fields.Date.context_today(self)
        calendar = company.resource_calendar_id
        return tuple(
            (int(att.dayofweek), att.hour_from, att.hour_to)
            for att in calendar.attendance_ids
            if not att.date_to or att.date_to >= today)

    @api.model
    def _crm_unconverted_reason(self, name, reason, unit):
        if reason == sold_hours.IN_UNITS:
            return _("Line «%s»: sold in units, its hours are to be set by hand") % name
        if reason == sold_hours.NO_CALENDAR_HOURS:
            return _("Line «%s»: the company calendar has no working hours to turn days "
                     "into hours, its hours are to be set by hand") % name
        return _("Line «%(name)s»: sold in an unknown unit («%(unit)s»), its hours are "
                 "to be set by hand") % {"name": name, "unit": unit or ""}

    @staticmethod
    def _crm_first_line(text):
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        return lines[0] if lines else ""

    @api.model
    def _crm_existing_for(self, domain):
        """The project already made for ``domain`` (archived too, whatever
        the user may read): a second click must not make a second one."""
        return self.sudo().with_context(active_test=False).search(domain, limit=1)

    def _crm_open_action(self):
        """The project's form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Project"),
            "res_model": "project.project",
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": self.id,
            "target": "current",
        }

    @api.model
    def _crm_assignee_map(self, assignees):
        """``assignees``: None, a list of user ids for every task, or a dict
        {quote line id (int or str, as XML-RPC sends keys): [user ids]}.
        Returns (ids for every task, {line id: ids})."""
        if not assignees:
            return [], {}
        if isinstance(assignees, dict):
            return [], {int(key): list(value or []) for key, value in assignees.items()}
        return list(assignees), {}

    # -------------------------------------------------------------- creation
    @api.model
    def _crm_project_values(self, name, partner, company, amount, quote=None,
                            opportunity=None):
        return {
            "name": name,
            "partner_id": partner.id,
            "company_id": company.id,
            "crm_quote_id": quote.id if quote else False,
            "crm_opportunity_id": opportunity.id if opportunity else False,
            "crm_sold_amount": amount,
            "crm_date_start": fields.Date.context_today(self),
            # the customer follows its project's progress on the portal;
            # who sees it inside is decided by crm_projects_rules.xml
            "privacy_visibility": "portal",
        }

    @api.model
    def _crm_create_from_quote(self, quote, opportunity=None, assignees=None):
        """A project from the signed ``quote`` (see the module docstring)."""
        opportunity = opportunity or quote.opportunity_id
        name = _("%(name)s (%(quote)s)") % {
            "name": opportunity.name or quote.partner_id.name, "quote": quote.display_name}
        project = self.create(self._crm_project_values(
            name, quote.partner_id, quote.company_id, quote.amount_untaxed,
            quote=quote, opportunity=opportunity))
        lines = [{
            "id": line.id, "sequence": line.sequence, "display_type": line.display_type,
            "name": line.name, "quantity": line.quantity, "unit": line.unit,
        } for line in quote.line_ids.sorted(lambda line: (line.sequence, line.id))]
        outline = sold_hours.project_outline(
            lines, self._crm_calendar_attendances(quote.company_id))
        project._crm_create_outline(outline, assignees)
        return project

    @api.model
    def _crm_create_from_opportunity(self, opportunity, assignees=None):
        """A project for a won opportunity without a quote: one task for the
        opportunity, whose hours are set by hand."""
        project = self.create(self._crm_project_values(
            opportunity.name, opportunity.partner_id or opportunity.contact_id,
            opportunity.company_id, opportunity.expected_revenue, opportunity=opportunity))
        outline = {"phases": [], "dependencies": [], "tasks": [{
            "line_id": False, "name": opportunity.name, "sequence": 10, "phase": None,
            "hours": 0.0, "reason": None, "unit": None}]}
        project._crm_create_outline(outline, assignees)
        project.message_post(
            body=_("This project was made from an opportunity without a quote: "
                   "set the hours of its task by hand."),
            subtype="mail.mt_note")
        return project

    def _crm_create_outline(self, outline, assignees=None):
        """Phases, tasks and dependencies of ``outline``
        (logic/sold_hours.project_outline) in this new project."""
        self.ensure_one()
        everyone, by_line = self._crm_assignee_map(assignees)
        Phase = self.env["crm.project.phase"]
        phases = [Phase.create({
            "project_id": self.id,
            "name": self._crm_first_line(phase["name"]) or _("Phase"),
            "sequence": phase["sequence"],
        }) for phase in outline["phases"]]
        Task = self.env["project.task"].with_context(
            default_project_id=self.id, mail_create_nolog=True)
        tasks, unconverted = [], []
        for values in outline["tasks"]:
            name = self._crm_first_line(values["name"]) or _("Task")
            users = by_line.get(values["line_id"], everyone)
            tasks.append(Task.create({
                "name": name,
                "description": plaintext2html(values["name"])
                if values["name"].strip() != name else False,
                "project_id": self.id,
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "sequence": values["sequence"],
                "crm_quote_line_id": values["line_id"],
                "crm_phase_id": phases[values["phase"]].id if values["phase"] is not None
                else False,
                "crm_sold_hours": values["hours"],
                "planned_hours": values["hours"],
                "crm_user_ids": [(6, 0, users)],
                "user_id": users[0] if users else False,
            }))
            if values["reason"]:
                unconverted.append(self._crm_unconverted_reason(
                    name, values["reason"], values["unit"]))
        Dependency = self.env["crm.task.dependency"]
        for task_index, before_index in outline["dependencies"]:
            Dependency.create({"task_id": tasks[task_index].id,
                               "depends_on_id": tasks[before_index].id})
        if unconverted:
            self.message_post(
                body="<p>%s</p><ul>%s</ul>" % (
                    html_escape(_("These tasks have no planned hours yet:")),
                    "".join("<li>%s</li>" % html_escape(text) for text in unconverted)),
                subtype="mail.mt_note")
        return tasks

    def action_crm_view_quote(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Quote"),
            "res_model": "crm.quote",
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": self.crm_quote_id.id,
        }
