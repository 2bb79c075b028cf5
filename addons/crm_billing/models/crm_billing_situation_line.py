# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import quote_billing as qb


class CrmBillingSituationLine(models.Model):
    """One line of a progress statement: the cumulative % done of a quote
    line. A section's % applies to every line under it when entered."""
    _name = "crm.billing.situation.line"
    _description = "Progress statement line"
    _order = "situation_id, sequence, id"

    situation_id = fields.Many2one("crm.billing.situation", required=True, index=True,
                                   ondelete="cascade")
    quote_line_id = fields.Many2one("crm.quote.line", string="Quote line", required=True,
                                    ondelete="cascade", readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(related="quote_line_id.name", readonly=True)
    display_type = fields.Selection(related="quote_line_id.display_type", readonly=True)
    vat_rate = fields.Selection(related="quote_line_id.vat_rate", readonly=True)
    currency_id = fields.Many2one(related="situation_id.currency_id", readonly=True)
    contract_amount = fields.Monetary(related="quote_line_id.price_subtotal",
                                      string="Contract excl. VAT", readonly=True)
    previous_percent = fields.Float(string="Previous %", digits=(16, 2), readonly=True)
    percent = fields.Float(string="Cumulative %", digits=(16, 2),
                           help="Work done since the start, in % of the line (or of every "
                                "line of the section).")

    @api.constrains("percent")
    def _check_percent(self):
        for line in self:
            if not 0 <= line.percent <= 100:
                raise ValidationError(_(
                    "A cumulative percentage of progress is between 0 and 100 %% (%(percent)s "
                    "%% entered on \"%(line)s\").") % {
                    "percent": qb.format_number(line.percent),
                    "line": (line.name or "").split("\n")[0]})

    def _crm_apply_section_percent(self):
        """The % of these section lines given to the lines of their section."""
        for section in self.filtered(lambda ln: ln.display_type == "line_section"):
            siblings = section.situation_id.line_ids
            members = qb.section_members([
                {"key": line.id, "section": line.display_type == "line_section"}
                for line in siblings if line.display_type != "line_note"])
            siblings.browse(members.get(section.id, [])).write({"percent": section.percent})

    @api.model
    def create(self, vals):
        line = super(CrmBillingSituationLine, self).create(vals)
        if "percent" in vals and vals.get("percent"):
            line._crm_apply_section_percent()
        return line

    def write(self, vals):
        result = super(CrmBillingSituationLine, self).write(vals)
        if "percent" in vals:
            self._crm_apply_section_percent()
        return result
