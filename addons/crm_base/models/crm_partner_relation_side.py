# -*- coding: utf-8 -*-
from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from ..logic import partner_relations


class CrmPartnerRelationSide(models.Model):
    """A relation seen from one of its companies (read-only SQL view, two rows
    per crm.partner.relation). It is what the "Relations" tab of a company
    lists: "parent company of Filiale Ouest" on the parent, "subsidiary of
    Groupe Martin" on the subsidiary. Creating, editing or deleting a row
    creates, edits or deletes the relation behind it."""
    _name = "crm.partner.relation.side"
    _description = "Relation seen from a company"
    _auto = False
    _order = "partner_id, wording_sequence, other_partner_id"

    relation_id = fields.Many2one("crm.partner.relation", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Company", readonly=True)
    wording = fields.Selection(selection="_selection_wording", string="Relation", required=True)
    wording_sequence = fields.Integer(string="Order", readonly=True)
    type_id = fields.Many2one("crm.partner.relation.type", string="Relation type", readonly=True)
    is_inverse = fields.Boolean(string="Seen from the right", readonly=True)
    other_partner_id = fields.Many2one("res.partner", string="Related company", required=True)
    date_start = fields.Date(string="Since")
    date_end = fields.Date(string="Until")
    note = fields.Text()
    is_current = fields.Boolean(string="Current", compute="_compute_is_current")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_partner_relation_side AS (
                SELECT r.id * 2 AS id, r.id AS relation_id, r.type_id,
                       FALSE AS is_inverse,
                       r.type_id || ':direct' AS wording,
                       t.sequence * 2 AS wording_sequence,
                       r.left_partner_id AS partner_id, r.right_partner_id AS other_partner_id,
                       r.date_start, r.date_end, r.note
                  FROM crm_partner_relation r
                  JOIN crm_partner_relation_type t ON t.id = r.type_id
                UNION ALL
                SELECT r.id * 2 + 1, r.id, r.type_id,
                       TRUE,
                       r.type_id || CASE WHEN t.is_symmetric THEN ':direct' ELSE ':inverse' END,
                       t.sequence * 2 + 1,
                       r.right_partner_id, r.left_partner_id,
                       r.date_start, r.date_end, r.note
                  FROM crm_partner_relation r
                  JOIN crm_partner_relation_type t ON t.id = r.type_id
            )""")

    @api.model
    def _selection_wording(self):
        choices = []
        for rtype in self.env["crm.partner.relation.type"].search([]):
            choices.append((partner_relations.wording_key(rtype.id, False), rtype.name))
            if not rtype.is_symmetric:
                choices.append((partner_relations.wording_key(rtype.id, True), rtype.inverse_name))
        return choices

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for side in self:
            side.is_current = (not side.date_start or side.date_start <= today) and \
                (not side.date_end or side.date_end >= today)

    @api.model
    def _relation_vals(self, partner_id, wording, other_partner_id, keep_inverse=None):
        """Values of the relation behind a side row, and whether the row is its
        right side. keep_inverse: for an existing row, the side it must stay on
        (its id depends on it); a symmetric type can be stored either way."""
        try:
            type_id, inverse = partner_relations.parse_wording_key(wording)
        except ValueError:
            raise UserError(_("Choose the relation between the two companies."))
        if keep_inverse is not None and inverse != keep_inverse:
            if not self.env["crm.partner.relation.type"].browse(type_id).is_symmetric:
                # the row would then belong to the other side of the relation
                raise UserError(_("To turn a relation around, delete it and add the new one."))
            inverse = keep_inverse
        left, right = (other_partner_id, partner_id) if inverse else (partner_id, other_partner_id)
        return inverse, {"left_partner_id": left, "type_id": type_id, "right_partner_id": right}

    # This model is a read-only SQL view: create, write and unlink act on the
    # crm.partner.relation behind each row, never on the view (hence no super()).
    @api.model
    def create(self, vals):  # pylint: disable=method-required-super
        if not vals.get("partner_id") or not vals.get("other_partner_id"):
            raise UserError(_("A relation links two companies: choose the related company."))
        inverse, relation_vals = self._relation_vals(
            vals["partner_id"], vals.get("wording"), vals["other_partner_id"])
        relation_vals.update({k: vals[k] for k in ("date_start", "date_end", "note") if k in vals})
        relation = self.env["crm.partner.relation"].create(relation_vals)
        return self.browse(partner_relations.side_id(relation.id, inverse))

    def write(self, vals):  # pylint: disable=method-required-super
        plain = {k: vals[k] for k in ("date_start", "date_end", "note") if k in vals}
        for side in self:
            relation_vals = dict(plain)
            if "wording" in vals or "other_partner_id" in vals:
                relation_vals.update(self._relation_vals(
                    side.partner_id.id, vals.get("wording", side.wording),
                    vals.get("other_partner_id", side.other_partner_id.id),
                    keep_inverse=side.is_inverse)[1])
            side.relation_id.write(relation_vals)
        return True

    def unlink(self):  # pylint: disable=method-required-super
        self.mapped("relation_id").unlink()
        return True

    def action_open_relation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.partner.relation",
            "res_id": self.relation_id.id,
            "view_mode": "form",
            "target": "new",
        }
