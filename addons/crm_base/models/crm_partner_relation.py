# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import partner_relations


class CrmPartnerRelation(models.Model):
    """A typed link between two companies, stored once, read from the left:
    "<left> <type wording> <right>" (Filiale Ouest subsidiary of Groupe Martin).
    The company form shows it from both sides through crm.partner.relation.side."""
    _name = "crm.partner.relation"
    _description = "Relation between companies"
    _order = "left_partner_id, type_id, right_partner_id"

    left_partner_id = fields.Many2one(
        "res.partner", string="Company", required=True, index=True, ondelete="cascade")
    type_id = fields.Many2one(
        "crm.partner.relation.type", string="Relation", required=True, ondelete="restrict")
    right_partner_id = fields.Many2one(
        "res.partner", string="Related company", required=True, index=True, ondelete="cascade")
    date_start = fields.Date(string="Since")
    date_end = fields.Date(string="Until")
    note = fields.Text()

    # The sides (an SQL view over this table) and the partners' "Relations"
    # lists are not in the ORM's dependency graph: drop them from the cache.
    def _invalidate_sides(self):
        self.env["crm.partner.relation.side"].invalidate_cache()
        self.env["res.partner"].invalidate_cache(["crm_relation_side_ids", "crm_relation_count"])

    @api.model
    def create(self, vals):
        relation = super(CrmPartnerRelation, self).create(vals)
        self._invalidate_sides()
        return relation

    def write(self, vals):
        res = super(CrmPartnerRelation, self).write(vals)
        self._invalidate_sides()
        return res

    def unlink(self):
        res = super(CrmPartnerRelation, self).unlink()
        self._invalidate_sides()
        return res

    def name_get(self):
        return [(relation.id, "%s %s %s" % (
            relation.left_partner_id.sudo().display_name, relation.type_id.sudo().name,
            relation.right_partner_id.sudo().display_name)) for relation in self]

    @api.constrains("left_partner_id", "right_partner_id")
    def _check_not_self(self):
        for relation in self:
            if relation.left_partner_id == relation.right_partner_id:
                raise ValidationError(_("%s cannot be related to itself.")
                                      % relation.left_partner_id.display_name)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for relation in self:
            if (relation.date_start and relation.date_end
                    and relation.date_end < relation.date_start):
                raise ValidationError(_("The relation %s ends before it starts.")
                                      % relation.display_name)

    @api.constrains("left_partner_id", "type_id", "right_partner_id", "date_start", "date_end")
    def _check_duplicate(self):
        # sudo: a duplicate may involve a relation the user cannot read
        Relation = self.sudo()
        for relation in self:
            same = [("left_partner_id", "=", relation.left_partner_id.id),
                    ("right_partner_id", "=", relation.right_partner_id.id)]
            if relation.type_id.is_symmetric:
                swapped = [("left_partner_id", "=", relation.right_partner_id.id),
                           ("right_partner_id", "=", relation.left_partner_id.id)]
                same = ["|", "&"] + same + ["&"] + swapped
            others = Relation.search(
                [("id", "!=", relation.id), ("type_id", "=", relation.type_id.id)] + same)
            for other in others:
                if partner_relations.periods_overlap(relation.date_start, relation.date_end,
                                                     other.date_start, other.date_end):
                    raise ValidationError(_("This relation already exists: %s.")
                                          % other.display_name)
