# -*- coding: utf-8 -*-
"""A person the CRM knows well, for the RGPD tests: messages, meetings,
documents, consents, a bank account, a custom field."""
import base64

from odoo import api, fields, models

from .registration import registered as registered_model

NAME = "Gaspard Quillebeuf"
EMAIL = "gaspard.quillebeuf@exemple.fr"
MOBILE = "06 71 82 93 04"
PHONE = "+33 4 72 19 38 46"
# what must not be found anywhere after the erasure
TRACES = ("Quillebeuf", EMAIL, "71 82 93 04", "0671829304", "72 19 38 46", "Lilas-Verts")

# a 1x1 PNG
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"))


class RgpdTestInvoice(models.Model):
    """What the billing addon writes: invoices, kept 10 years by law, that
    hold the customer's name. ``_register = False`` and ``_auto = False``:
    built into the registry and its table created by ``registered`` for the
    test only (the test's rollback drops the table)."""
    _name = "crm.rgpd.test.invoice"
    _inherit = "crm.rgpd.mixin"
    _description = "Test invoice"
    _register = False
    _auto = False
    _module = "crm_base"
    _crm_rgpd_retained = True

    number = fields.Char()
    partner_id = fields.Many2one("res.partner")
    customer_name = fields.Char()
    note = fields.Text()
    amount = fields.Float()

    @api.model
    def _crm_rgpd_domain(self, partner):
        return [("partner_id", "=", partner.id)]


INVOICE_TABLE = """CREATE TABLE crm_rgpd_test_invoice (
        id serial PRIMARY KEY, number varchar, partner_id integer, customer_name varchar,
        note text, amount double precision, create_uid integer, create_date timestamp,
        write_uid integer, write_date timestamp)"""


def registered(env, model_class):
    """The test invoice model in the registry, with its table."""
    return registered_model(env, model_class, create_table=INVOICE_TABLE)


def make_person(env):
    """The person and everything linked to them; returns a dict of records."""
    Partner = env["res.partner"].with_context(mail_create_nolog=True)
    prospect = env.ref("crm_base.relationship_type_prospect")
    company = Partner.create({"name": "Menuiserie du Rhône", "is_company": True, "city": "Lyon",
                              "crm_relationship_type_ids": [(6, 0, [prospect.id])]})
    person = Partner.create({
        "name": NAME, "email": EMAIL, "phone": PHONE, "mobile": MOBILE,
        "street": "12 rue des Lilas-Verts", "zip": "69003", "city": "Lyon",
        "country_id": env.ref("base.fr").id,
        "website": "http://quillebeuf.example.org", "function": "Gérant",
        "comment": "Rencontré au salon, préfère être appelé le matin au %s." % MOBILE,
        "image": PNG,
        "title": env.ref("base.res_partner_title_mister").id,
    })
    records = {"company": company, "person": person}
    # a note on the person, with a document
    document = env["ir.attachment"].create({
        "name": "CV %s.pdf" % NAME, "datas_fname": "cv.pdf",
        "datas": base64.b64encode(b"%PDF-1.4 cv"),
        "res_model": "res.partner", "res_id": person.id})
    records["note"] = person.message_post(
        body="<p>Appel avec %s (%s), à rappeler au %s</p>" % (NAME, EMAIL, MOBILE),
        subject="Devis pour %s" % NAME, message_type="comment", subtype="mail.mt_note",
        attachment_ids=[document.id])
    records["note_document"] = document
    # an email from the person, filed on the company
    records["email_in"] = company.message_post(
        body="<p>Bonjour, voici mes coordonnées : %s</p><p>%s</p>" % (PHONE, NAME),
        subject="Demande de devis", message_type="email", author_id=person.id,
        email_from="%s <%s>" % (NAME, EMAIL))
    # an email to the person, sent from the company's record
    records["email_out"] = env["mail.message"].create({
        "model": "res.partner", "res_id": company.id, "message_type": "email",
        "subject": "Votre devis, %s" % NAME, "body": "<p>Cher %s, ci-joint votre devis.</p>" % NAME,
        "partner_ids": [(4, person.id)]})
    # an email from their address, before they were in the CRM
    records["email_unknown"] = env["mail.message"].create({
        "model": "res.partner", "res_id": company.id, "message_type": "email",
        "subject": "Question", "body": "<p>Signé : G. Q.</p>", "email_from": EMAIL})
    # a document on their own record
    records["document"] = env["ir.attachment"].create({
        "name": "Carte de visite.png", "datas_fname": "carte.png", "datas": PNG,
        "res_model": "res.partner", "res_id": person.id})
    # a meeting with a colleague
    colleague = env.ref("base.user_demo", raise_if_not_found=False) or env.user
    records["event"] = env["calendar.event"].with_context(no_mail_to_attendees=True).create({
        "name": "Rendez-vous %s" % NAME,
        "start": "2025-03-10 09:00:00", "stop": "2025-03-10 10:00:00",
        "description": "Appeler %s au %s ou écrire à %s" % (NAME, MOBILE, EMAIL),
        "location": "Chez %s, 12 rue des Lilas-Verts" % NAME,
        "partner_ids": [(6, 0, [colleague.partner_id.id, person.id])]})
    records["colleague"] = colleague
    # a consent with its proof, an activity, a bank account
    records["consent"] = env["crm.consent"].create({
        "partner_id": person.id,
        "purpose_id": env.ref("crm_base.crm_consent_purpose_newsletter").id,
        "state": "granted", "source": "email", "proof": "Email de %s reçu le 3 mars" % EMAIL,
        "proof_file": base64.b64encode(b"Subject: oui"), "proof_filename": "accord.eml"})
    records["activity"] = env["mail.activity"].create({
        "res_model_id": env["ir.model"]._get("res.partner").id, "res_id": person.id,
        "activity_type_id": env.ref("mail.mail_activity_data_call").id,
        "summary": "Rappeler %s" % NAME, "user_id": env.user.id})
    records["bank"] = env["res.partner.bank"].create({
        "partner_id": person.id, "acc_number": "FR76 3000 6000 0112 3456 7890 189"})
    return records


def make_invoice(env, person):
    """An invoice of ``person`` (the registered test model), its PDF, and the
    email that sent it."""
    invoice = env["crm.rgpd.test.invoice"].create({
        "number": "FAC-2024-0042", "partner_id": person.id, "customer_name": NAME,
        "note": "Livraison chez %s, Lyon" % NAME, "amount": 1250.0})
    pdf = env["ir.attachment"].create({
        "name": "Facture FAC-2024-0042 %s.pdf" % NAME, "datas_fname": "FAC-2024-0042.pdf",
        "datas": base64.b64encode(b"%PDF-1.4 facture"),
        "res_model": invoice._name, "res_id": invoice.id})
    sent = env["mail.message"].create({
        "model": invoice._name, "res_id": invoice.id, "message_type": "email",
        "subject": "Facture FAC-2024-0042",
        "body": "<p>Bonjour %s, voici votre facture.</p>" % NAME,
        "partner_ids": [(4, person.id)], "attachment_ids": [(4, pdf.id)]})
    return invoice, pdf, sent


def traces_in_database(cr, traces=TRACES, exclude=()):
    """{table: [trace, ...]} of the tables of the database where a row shows
    one of ``traces`` (any column, any case)."""
    cr.execute("""SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY c.relname""")
    found = {}
    for (table,) in cr.fetchall():
        if table in exclude:
            continue
        for trace in traces:
            # table names come from pg_class, not from a user; the trace is a parameter
            cr.execute('SELECT 1 FROM "%s" t WHERE row_to_json(t)::text ILIKE %%s LIMIT 1' % table,
                       ("%" + trace + "%",))
            if cr.fetchone():
                found.setdefault(table, []).append(trace)
    return found
