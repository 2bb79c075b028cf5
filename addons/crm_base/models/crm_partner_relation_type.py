# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmPartnerRelationType(models.Model):
    """Kind of link between two companies, with its wording from each side:
    "subsidiary of" read from the left, "parent company of" from the right."""
    _name = "crm.partner.relation.type"
    _description = "Type of relation between companies"
    _order = "sequence, id"

    name = fields.Char(
        string="Wording", required=True, translate=True,
        help='Read from the left: "A is ... B", e.g. subsidiary of.')
    inverse_name = fields.Char(
        string="Inverse wording", translate=True,
        help='Read from the right: "B is ... A", e.g. parent company of.')
    is_symmetric = fields.Boolean(
        string="Symmetric",
        help='Same wording both ways, e.g. "partner of": A partner of B is B partner of A.')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("inverse_name_required", "CHECK(is_symmetric OR inverse_name IS NOT NULL)",
         "A relation type that is not symmetric needs its inverse wording."),
    ]

    @api.onchange("is_symmetric", "name")
    def _onchange_is_symmetric(self):
        if self.is_symmetric:
            self.inverse_name = self.name

    def wording(self, inverse):
        """The wording read from the left (inverse=False) or from the right."""
        self.ensure_one()
        if inverse and not self.is_symmetric:
            return self.inverse_name
        return self.name
