# -*- coding: utf-8 -*-
"""The Overview card of a team: open, unassigned, urgent, at risk and late
tickets, each opening its list; closed tickets and other teams not counted."""
from odoo.tests.common import SavepointCase


class TestTeamDashboard(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTeamDashboard, cls).setUpClass()
        Team = cls.env["crm.helpdesk.team"]
        cls.team = Team.create({"name": "Support Tableau", "alias_name": "support-test-dash",
                                "assign_method": "manual"})
        cls.other = Team.create({"name": "Autre équipe", "alias_name": "support-test-dash2",
                                 "assign_method": "manual"})
        user = cls.env.ref("base.user_root")
        Ticket = cls.env["crm.ticket"].with_context(crm_no_satisfaction_mail=True)

        def ticket(team, **values):
            return Ticket.create(dict({"name": "Demande", "team_id": team.id}, **values))
        cls.unassigned_urgent = ticket(cls.team, priority="3")
        cls.assigned = ticket(cls.team, user_id=user.id)
        cls.unassigned = ticket(cls.team)
        ticket(cls.team, priority="3", user_id=user.id).stage_id = \
            cls.env.ref("crm_helpdesk.stage_solved")
        ticket(cls.other, priority="3")

    def figures(self, team):
        team.invalidate_cache()
        return {name: team["crm_%s_count" % name]
                for name in ("open", "unassigned", "urgent", "at_risk", "late")}

    def test_the_card_counts_the_open_tickets_of_its_team_only(self):
        figures = self.figures(self.team)
        self.assertEqual((figures["open"], figures["unassigned"], figures["urgent"]), (3, 2, 1))
        self.assertEqual(self.figures(self.other)["open"], 1)

    def test_each_figure_opens_the_list_it_counts(self):
        Ticket = self.env["crm.ticket"]
        for figure, expected in (("open", self.unassigned_urgent | self.assigned |
                                  self.unassigned),
                                 ("unassigned", self.unassigned_urgent | self.unassigned),
                                 ("urgent", self.unassigned_urgent)):
            action = self.team.with_context(crm_figure=figure).action_crm_open_figure()
            self.assertEqual(Ticket.search(action["domain"]), expected, figure)
            self.assertIn("Support Tableau", action["display_name"])

    def test_sla_figures_count_the_sla_status_when_it_exists(self):
        figures = self.figures(self.team)
        if "sla_status" not in self.env["crm.ticket"]._fields:
            self.assertEqual((figures["at_risk"], figures["late"]), (0, 0))
            return
        self.env.cr.execute("UPDATE crm_ticket SET sla_status = 'late' WHERE id = %s",
                            (self.assigned.id,))
        self.env.cr.execute("UPDATE crm_ticket SET sla_status = 'at_risk' WHERE id = %s",
                            (self.unassigned.id,))
        self.env["crm.ticket"].invalidate_cache()
        figures = self.figures(self.team)
        self.assertEqual((figures["at_risk"], figures["late"]), (1, 1))

    def test_the_overview_card_shows_every_figure(self):
        arch = self.env["crm.helpdesk.team"].fields_view_get(
            self.env.ref("crm_helpdesk.crm_helpdesk_team_view_kanban").id, "kanban")["arch"]
        for figure in ("open", "unassigned", "urgent", "at_risk", "late"):
            self.assertIn("'crm_figure': '%s'" % figure, arch)
        self.assertIn("crm_satisfaction", arch)
        self.assertIn("crm_nps", arch)
