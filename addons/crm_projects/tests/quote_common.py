# -*- coding: utf-8 -*-
"""What the tests of projects made from quotes share: a company calendar of
35 h over 5 days, a customer, signed quotes and won opportunities."""
from odoo.tests.common import SavepointCase

# 9:00-12:30 and 13:30-17:00, Monday to Friday: 7 h a day, 35 h a week
FRENCH_35 = [(day, hour_from, hour_to) for day in range(5)
             for hour_from, hour_to in ((9.0, 12.5), (13.5, 17.0))]


def section(name, sequence):
    return (0, 0, {"display_type": "line_section", "name": name, "sequence": sequence})


def note(name, sequence):
    return (0, 0, {"display_type": "line_note", "name": name, "sequence": sequence})


def priced(name, quantity, unit, price, sequence):
    return (0, 0, {"name": name, "quantity": quantity, "unit": unit, "price_unit": price,
                   "vat_rate": "20", "sequence": sequence})


def project_user(env, name, login, manager=False, company=None):
    group = env.ref("crm_projects.group_projects_manager" if manager
                    else "crm_projects.group_projects_user")
    # a manager makes projects from every quote of its company: a sales manager
    sales = env.ref("crm_sales.group_sales_manager" if manager else "crm_sales.group_sales_user")
    company = company or env.ref("base.main_company")
    return env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True).create({
        "name": name, "login": login, "email": login,
        "company_id": company.id, "company_ids": [(6, 0, [company.id])],
        "groups_id": [(6, 0, [group.id, sales.id])]})


class QuoteProjectCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(QuoteProjectCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       no_reset_password=True, mail_create_nolog=True))
        cls.company = cls.env.ref("base.main_company")
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "35 heures", "company_id": cls.company.id,
            "attendance_ids": [(5, 0, 0)] + [
                (0, 0, {"name": "Jour %d" % day, "dayofweek": str(day),
                        "hour_from": hour_from, "hour_to": hour_to})
                for day, hour_from, hour_to in FRENCH_35]})
        cls.company.resource_calendar_id = cls.calendar
        cls.customer = cls.env["res.partner"].create({
            "name": "Cuisines Morel", "is_company": True, "customer": True})
        cls.manager = project_user(cls.env, "Léa Garnier", "lea.projets@example.fr",
                                   manager=True)

    @classmethod
    def _opportunity(cls, name="Rénovation de la cuisine", won=True, partner=None):
        opp = cls.env["crm.opportunity"].create({
            "name": name, "partner_id": (partner or cls.customer).id,
            "expected_revenue": 4200.0})
        if won:
            opp.action_set_won()
        return opp

    @classmethod
    def _quote(cls, lines, signed=True, opportunity=None, partner=None):
        quote = cls.env["crm.quote"].create({
            "partner_id": (partner or cls.customer).id,
            "opportunity_id": opportunity.id if opportunity else False,
            "line_ids": lines})
        if signed:
            quote.write({"state": "signed", "signer_name": "Paul Morel"})
        return quote

    @classmethod
    def _kitchen_lines(cls):
        return [
            section("Préparation", 10),
            priced("Dépose de l'ancienne cuisine", 6, "hour", 45, 20),
            priced("Plomberie et électricité", 1, "day", 380, 30),
            section("Pose", 40),
            priced("Pose des meubles et du plan de travail\nChêne massif, 3,20 m",
                   3, "day", 420, 50),
            priced("Électroménager encastrable", 1, "unit", 2400, 60),
            note("Accès au chantier par la cour.", 70),
        ]
