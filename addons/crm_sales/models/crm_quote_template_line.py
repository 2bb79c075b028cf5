# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmQuoteTemplateLine(models.Model):
    """A line of a quote template: the fields of a quote line, without amounts."""
    _name = "crm.quote.template.line"
    _inherit = "crm.quote.line.mixin"
    _description = "Quote template line"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("crm.quote.template", required=True,
                                  ondelete="cascade", index=True)
    name = fields.Text(translate=True)

    @api.model
    def create(self, vals):
        return super(CrmQuoteTemplateLine, self).create(self._crm_clean_vals(vals))

    def write(self, vals):
        if vals.get("display_type"):
            vals = self._crm_clean_vals(vals)
        return super(CrmQuoteTemplateLine, self).write(vals)
