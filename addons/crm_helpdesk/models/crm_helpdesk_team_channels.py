# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmHelpdeskTeam(models.Model):
    """How customers reach a team besides e-mail: its public support form
    (/support/<id>, which a customer's site may embed in an <iframe>) and
    its live chat channel (a visitor's chat becomes a ticket of the team)."""
    _inherit = "crm.helpdesk.team"

    web_form_enabled = fields.Boolean(
        string="Public support form",
        help="Anyone may open a ticket of this team from the form at the address below.")
    web_form_url = fields.Char(string="Form address", compute="_compute_web_form_url")
    web_form_iframe = fields.Text(string="To embed in a web site",
                                  compute="_compute_web_form_url")
    livechat_channel_id = fields.Many2one(
        "im_livechat.channel", string="Live chat channel", ondelete="set null",
        help="A chat of this channel becomes a ticket of the team when it ends, or when the "
             "operator types /ticket.")

    _sql_constraints = [("crm_helpdesk_team_livechat_unique", "UNIQUE(livechat_channel_id)",
                         "A live chat channel feeds one team only.")]

    @api.depends("web_form_enabled")
    def _compute_web_form_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for team in self:
            if team.id and team.web_form_enabled:
                url = "%s/support/%d" % (base_url.rstrip("/"), team.id)
                team.web_form_url = url
                team.web_form_iframe = (
                    '<iframe src="%s?embed=1" title="%s" style="width:100%%;height:900px;'
                    'border:0" loading="lazy"></iframe>' % (url, _("Support")))
            else:
                team.web_form_url = False
                team.web_form_iframe = False

    def _crm_web_form_categories(self):
        """The categories a customer may choose on the team's form: the team's
        own and those of no team, of its company or shared."""
        self.ensure_one()
        return self.env["crm.ticket.category"].sudo().search([
            ("team_id", "in", [self.id, False]),
            ("company_id", "in", [self.company_id.id, False])])
