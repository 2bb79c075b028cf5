# -*- coding: utf-8 -*-
"""Contacts as a French SME's CRM sees them: relationship types, owner,
source, company profile (share capital, headcount band, creation date),
private contacts and the date of the last thing done with the contact.

The legal identity (SIREN/SIRET/NAF) lives in res_partner.py.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

HEADCOUNT_BANDS = [
    ("00", "No employee"),
    ("01", "1 to 2 employees"),
    ("02", "3 to 5 employees"),
    ("03", "6 to 9 employees"),
    ("11", "10 to 19 employees"),
    ("12", "20 to 49 employees"),
    ("21", "50 to 99 employees"),
    ("22", "100 to 199 employees"),
    ("31", "200 to 249 employees"),
    ("32", "250 to 499 employees"),
    ("41", "500 to 999 employees"),
    ("42", "1,000 employees or more"),
]

# Messages that count as "something done with the contact": emails and notes,
# not the automatic notifications (creation, tracked field changes).
ACTIVITY_MESSAGE_TYPES = ("email", "comment")


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_relationship_type_ids = fields.Many2many(
        "crm.relationship.type", "crm_partner_relationship_type_rel", "partner_id", "type_id",
        string="Relationship",
        help="What this contact is for you: prospect, client, supplier, partner... "
             "The people of a company share its relationship.")
    crm_source_id = fields.Many2one(
        "utm.source", string="Source", ondelete="set null",
        help="How this contact came to you: referral, trade show, website...")
    share_capital_currency_id = fields.Many2one(
        "res.currency", string="Capital currency",
        default=lambda self: self.env.ref("base.EUR", raise_if_not_found=False))
    share_capital = fields.Monetary(
        string="Share capital", currency_field="share_capital_currency_id",
        help="Capital stated in the company's articles (capital social).")
    headcount_band = fields.Selection(
        HEADCOUNT_BANDS, string="Headcount",
        help="Band of salaried employees, as in the INSEE SIRENE register.")
    company_creation_date = fields.Date(
        string="Creation date", help="Date the company was registered.")
    crm_private = fields.Boolean(
        string="Private", default=False, track_visibility="onchange",
        help="A private contact is seen by its owner only.")
    crm_meeting_ids = fields.Many2many(
        "calendar.event", "calendar_event_res_partner_rel", "res_partner_id", "calendar_event_id",
        string="Meetings", copy=False)
    last_activity_date = fields.Datetime(
        string="Last activity", compute="_compute_last_activity_date", store=True, index=True,
        help="Latest email or note on the contact, meeting with the contact "
             "or change to one of its planned activities.")
    crm_relation_side_ids = fields.One2many(
        "crm.partner.relation.side", "partner_id", string="Relations")
    crm_relation_count = fields.Integer(
        string="Number of relations", compute="_compute_crm_relation_count")

    @api.model
    def _commercial_fields(self):
        # the people of a company share its relationship types (like its VAT number)
        return super(ResPartner, self)._commercial_fields() + ["crm_relationship_type_ids"]

    @api.depends("message_ids.date", "message_ids.message_type",
                 "crm_meeting_ids.start",
                 # res_model: the activity's link to its partner is stored after its creation
                 "activity_ids", "activity_ids.res_model", "activity_ids.date_deadline",
                 "activity_ids.summary", "activity_ids.note", "activity_ids.activity_type_id",
                 "activity_ids.user_id")
    def _compute_last_activity_date(self):
        # Messages and activities point to their partner by an integer res_id,
        # which the ORM's cache does not follow: read them from the database.
        latest = {}

        def keep(partner_id, date):
            if date and (partner_id not in latest or date > latest[partner_id]):
                latest[partner_id] = date

        partner_ids = [pid for pid in self.ids if isinstance(pid, int)]
        if partner_ids:
            for message in self.env["mail.message"].sudo().search_read(
                    [("model", "=", self._name), ("res_id", "in", partner_ids),
                     ("message_type", "in", ACTIVITY_MESSAGE_TYPES)], ["res_id", "date"]):
                keep(message["res_id"], message["date"])
            for activity in self.env["mail.activity"].sudo().search_read(
                    [("res_model", "=", self._name), ("res_id", "in", partner_ids)],
                    ["res_id", "write_date"]):
                keep(activity["res_id"], activity["write_date"])
        now = fields.Datetime.now()
        for partner in self:
            # a meeting planned in the future counts as done when it was planned:
            # somebody is taking care of the contact
            for meeting in partner.sudo().crm_meeting_ids:
                keep(partner.id, meeting.start and min(meeting.start, now))
            partner.last_activity_date = latest.get(partner.id, False)

    @api.model
    def _crm_recompute_last_activity(self):
        """Recompute the last activity of every contact: for data loaded with
        plain res_id links (demo mails), which the ORM does not follow."""
        partners = self.with_context(active_test=False).search([])
        self.env.add_todo(self._fields["last_activity_date"], partners)
        self.recompute()

    def _compute_crm_relation_count(self):
        for partner in self:
            partner.crm_relation_count = len(partner.crm_relation_side_ids)

    @api.constrains("crm_private", "user_id")
    def _check_crm_private(self):
        # sudo: a user who gives a private contact to someone else no longer sees it
        for partner in self.sudo().filtered("crm_private"):
            if not partner.user_id:
                raise ValidationError(_(
                    "%s cannot be private without an owner: only the owner sees a "
                    "private contact.") % partner.display_name)
            if partner.with_context(active_test=False).user_ids or \
                    self.env["res.company"].sudo().search_count([("partner_id", "=", partner.id)]):
                raise ValidationError(_(
                    "%s is a user or a company of this database: everybody needs to see it, "
                    "it cannot be private.") % partner.display_name)

    def _crm_handover_values(self, vals):
        """The values of ``vals`` that write() (res_partner.py) writes as
        superuser: giving a private contact to someone else, or making
        private a contact owned by someone else, hides it from the user who
        does it, and Odoo reads the partner again after writing
        (res.partner.write syncs its children). The user must be allowed to
        write the contacts; those two fields are then written as superuser."""
        handover = {key: vals[key] for key in ("user_id", "crm_private") if key in vals}
        if not handover or self.env.uid == SUPERUSER_ID:
            return {}
        self.check_access_rights("write")
        self.check_access_rule("write")
        return handover

    @api.onchange("crm_private")
    def _onchange_crm_private(self):
        if self.crm_private and not self.user_id:
            self.user_id = self.env.user

    # -- group by a many2many field (tags, relationship types) -----------------
    # Odoo 11's read_group only groups by columns of the table. A contact with
    # two tags is shown in both groups, as a user expects of "group by tag".
    _CRM_M2M_GROUPBY = ("category_id", "crm_relationship_type_ids")

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        m2m = [g for g in groupby if g.split(":")[0] in self._CRM_M2M_GROUPBY]
        if not m2m:
            return super(ResPartner, self).read_group(
                domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if groupby[0] not in self._CRM_M2M_GROUPBY or (not lazy and len(groupby) > 1):
            raise UserError(_(
                "Grouping by tags or relationship types is only possible as the first "
                "grouping: put it first."))
        return self._crm_read_group_m2m(domain or [], fields, groupby, offset, limit, lazy)

    def _crm_read_group_m2m(self, domain, fields, groupby, offset, limit, lazy):
        fname = groupby[0]
        comodel = self.env[self._fields[fname].comodel_name]
        aggregates = [f.split(":")[0] for f in fields or []
                      if f.split(":")[0] in self._fields
                      and self._fields[f.split(":")[0]].type in ("integer", "float", "monetary")
                      and self._fields[f.split(":")[0]].group_operator]
        groups = []
        for value in list(comodel.search([])) + [False]:
            group_domain = domain + [(fname, "in", value.ids) if value else (fname, "=", False)]
            count = self.search_count(group_domain)
            if not count:
                continue
            group = {
                fname: (value.id, value.display_name) if value else False,
                fname + "_count": count,
                "__domain": group_domain,
            }
            if lazy and len(groupby) > 1:
                group["__context"] = {"group_by": groupby[1:]}
            if aggregates:
                # the group's totals: Odoo's read_group, without this override's grouping
                # pylint: disable-next=super-method-mismatch
                [totals] = super(ResPartner, self).read_group(
                    group_domain, aggregates, [], lazy=False) or [{}]
                group.update({f: totals.get(f) for f in aggregates})
            groups.append(group)
        groups = groups[offset or 0:]
        return groups[:limit] if limit else groups
