# -*- coding: utf-8 -*-
"""A customer's projects in its 360° record (crm_base's crm.timeline.mixin):
a "Projects" smart button with their count, and one item per project in the
Activity tab saying how far it is."""
from odoo import _, api, models
from odoo.tools.misc import formatLang


class ProjectProject(models.Model):
    _name = "project.project"
    _inherit = ["project.project", "crm.timeline.mixin"]

    @api.model
    def _crm_timeline_sources(self):
        sources = super(ProjectProject, self)._crm_timeline_sources()
        return sources + [{
            "key": "projects", "label": _("Projects"), "icon": "fa-tasks",
            "sequence": 18, "date_field": "create_date", "kind": "project",
            "count_field": "crm_project_count",
        }]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        if key == "projects":
            return [("partner_id", "in", partners.ids)]
        return super(ProjectProject, self)._crm_timeline_domain(key, partners)

    @api.model
    def _crm_format_hours(self, hours):
        """Hours as the reader writes numbers: "12,5" in French, "12" for 12."""
        hours = round(hours or 0.0, 2)
        env = self.with_context(lang=self.env["crm.format.mixin"]._crm_reader_lang()).env
        if hours == int(hours):
            return formatLang(env, hours, digits=0)
        return formatLang(env, hours, digits=2).rstrip("0")

    def _crm_progress_summary(self):
        """"40 % done · 12 h spent of 30 h planned · next milestone «Pose» on 12/01/2027"
        in the user's language."""
        self.ensure_one()
        formats = self.env["crm.format.mixin"]
        parts = [_("%d %% done") % round(self.crm_progress),
                 _("%(spent)s h spent of %(planned)s h planned") % {
                     "spent": self._crm_format_hours(self.crm_progress_spent_hours),
                     "planned": self._crm_format_hours(self.crm_progress_planned_hours)}]
        if self.crm_next_phase_id:
            parts.append(_("next milestone «%(phase)s» on %(date)s") % {
                "phase": self.crm_next_phase_id.name,
                "date": formats._crm_format_date(self.crm_next_milestone_date)})
        return " · ".join(parts)

    def _crm_timeline_values(self, key):
        items = super(ProjectProject, self)._crm_timeline_values(key)
        if key != "projects":
            return items
        for item, project in zip(items, self):
            item["title"] = _("Project %s") % project.name
            item["summary"] = project._crm_progress_summary()
        return items

    @api.model
    def _crm_timeline_action(self, source, partners):
        action = super(ProjectProject, self)._crm_timeline_action(source, partners)
        if source["key"] == "projects":
            one = partners[:1]
            action.update(view_mode="kanban,tree,form",
                          views=[(False, "kanban"), (False, "tree"), (False, "form")],
                          context={"default_partner_id": one.id})
        return action
