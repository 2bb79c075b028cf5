# -*- coding: utf-8 -*-
"""A ticket linked to the customer's opportunity; a support request that is
a sales lead becomes an opportunity; the opportunity shows its tickets."""
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase


class TestTicketOpportunity(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketOpportunity, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True,
                                       mail_create_nolog=True))
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support ventes (test)", "alias_name": "support-ventes-test",
            "assign_method": "manual"})
        cls.company = cls.env["res.partner"].create({
            "name": "Imprimerie Roux", "is_company": True})
        cls.contact = cls.env["res.partner"].create({
            "name": "Nadia Roux", "email": "nadia@imprimerie-roux.example.fr",
            "parent_id": cls.company.id})
        helpdesk = cls.env.ref("crm_helpdesk.group_helpdesk_user")
        sales = cls.env.ref("crm_sales.group_sales_user")
        Users = cls.env["res.users"]
        cls.agent = Users.create({"login": "hs_agent", "name": "Agent Support",
                                  "groups_id": [(6, 0, [helpdesk.id])]})
        cls.seller = Users.create({"login": "hs_seller", "name": "Agent Commercial",
                                   "email": "commercial@imprimerie.example.fr",
                                   "groups_id": [(6, 0, [helpdesk.id, sales.id])]})

    def new_ticket(self, **values):
        return self.env["crm.ticket"].create(dict({
            "name": "Devis pour 500 brochures ?", "team_id": self.team.id,
            "partner_id": self.contact.id,
            "description": "<p>Nous voudrions aussi des flyers.</p>"}, **values))

    def test_create_opportunity_makes_a_deal_of_the_customer_company_from_the_ticket(self):
        ticket = self.new_ticket()
        action = ticket.sudo(self.seller).action_crm_create_opportunity()
        opportunity = self.env["crm.opportunity"].browse(action["res_id"])
        self.assertEqual(ticket.opportunity_id, opportunity)
        self.assertEqual(opportunity.name, "Devis pour 500 brochures ?")
        self.assertEqual((opportunity.partner_id, opportunity.contact_id),
                         (self.company, self.contact))
        self.assertIn("flyers", opportunity.description)
        self.assertIn(ticket.number, opportunity.message_ids[0].body)
        self.assertEqual(opportunity.crm_ticket_count, 1)
        tickets = self.env["crm.ticket"].search(opportunity.action_crm_tickets()["domain"])
        self.assertEqual(tickets, ticket)

    def test_a_ticket_already_linked_or_without_customer_makes_no_opportunity(self):
        linked = self.new_ticket()
        linked.action_crm_create_opportunity()
        with self.assertRaisesRegex(UserError, "already linked"):
            linked.action_crm_create_opportunity()
        with self.assertRaisesRegex(UserError, "customer"):
            self.new_ticket(partner_id=False).action_crm_create_opportunity()

    def test_the_ticket_links_an_open_opportunity_of_its_customer(self):
        ticket = self.new_ticket()
        domain = ticket._fields["opportunity_id"].domain
        opportunity = self.env["crm.opportunity"].create({
            "name": "Catalogue 2027", "partner_id": self.company.id})
        other = self.env["crm.opportunity"].create({
            "name": "Affiches", "partner_id": self.env["res.partner"].create(
                {"name": "Autre client", "is_company": True}).id})
        self.assertIn("commercial_partner_id", domain)
        found = self.env["crm.opportunity"].search(
            [("partner_id", "=", ticket.commercial_partner_id.id), ("state", "=", "open")])
        self.assertIn(opportunity, found)
        self.assertNotIn(other, found)
        ticket.opportunity_id = opportunity
        self.assertEqual(opportunity.crm_ticket_count, 1)

    def test_a_support_agent_without_sales_rights_does_not_see_opportunities(self):
        self.assertNotIn("opportunity_id",
                         self.env["crm.ticket"].sudo(self.agent).fields_get())
        self.assertIn("opportunity_id",
                      self.env["crm.ticket"].sudo(self.seller).fields_get())
        arch = self.env["crm.ticket"].sudo(self.agent).fields_view_get(view_type="form")["arch"]
        self.assertNotIn("action_crm_create_opportunity", arch)
