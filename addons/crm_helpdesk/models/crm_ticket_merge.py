# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.tools import html_escape


class CrmTicket(models.Model):
    """Merging duplicates: the kept ticket takes the others' history (see
    wizard/crm_ticket_merge.py, which checks the companies and customers)."""
    _inherit = "crm.ticket"

    def _crm_merge(self, others):
        """Move the messages, attachments, followers and tags of ``others``
        into this ticket, then archive them with a note linking this one.
        The caller has checked the user may write on all of them."""
        self.ensure_one()
        others = others - self
        if not others:
            return self
        Message = self.env["mail.message"].sudo()
        Message.search([("model", "=", self._name), ("res_id", "in", others.ids)]).write(
            {"res_id": self.id})
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", others.ids)]).write(
            {"res_id": self.id})
        followers = others.sudo().mapped("message_follower_ids")
        partners = followers.mapped("partner_id") - self.message_partner_ids
        channels = followers.mapped("channel_id") - self.message_channel_ids
        if partners or channels:
            self.sudo().message_subscribe(partner_ids=partners.ids, channel_ids=channels.ids)
        values = {"tag_ids": [(4, tag.id) for tag in others.mapped("tag_ids")]}
        if not self.partner_id and others.mapped("partner_id"):
            values["partner_id"] = others.mapped("partner_id")[:1].id
        self.write(values)
        link = '<a href="#model=%s&amp;id=%d">%s</a>' % (
            self._name, self.id, html_escape(self.display_name))
        for other in others:
            other.message_post(body=_("Merged into %s.") % link, subtype="mail.mt_note")
        others.write({"active": False})
        self.message_post(
            body=_("Merged with %s.") % html_escape(", ".join(others.mapped("number"))),
            subtype="mail.mt_note")
        return self
