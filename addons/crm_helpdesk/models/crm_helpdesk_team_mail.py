# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmHelpdeskTeam(models.Model):
    """The e-mail rules of a team: when a customer's reply reopens a closed
    ticket or opens a new one, how long a mail that lost its headers still
    threads into the sender's open ticket by its subject, and how many
    attachments one mail may bring."""
    _inherit = "crm.helpdesk.team"

    mail_reopen_days = fields.Integer(
        string="Reopen on reply within (days)", default=30,
        help="A customer's reply to a ticket closed less than this many days ago reopens it; "
             "past that, it opens a new ticket linked to the old one. 0: always a new ticket.")
    mail_sender_thread_days = fields.Integer(
        string="Match by sender within (days)", default=7,
        help="A mail without the ticket number or the mail headers of a reply is added to "
             "the sender's open ticket with the same subject (without Re:, TR:, Fwd:) "
             "opened less than this many days ago. 0: never match by sender.")
    mail_attachments_max_mb = fields.Integer(
        string="Attachments per mail (MB)", default=25,
        help="Attachments of an inbound mail past this total are dropped and the ticket says "
             "which ones. 0: no limit. Programs and scripts are always dropped.")
    mailbox_ids = fields.One2many("crm.mailbox", "helpdesk_team_id", string="Mailboxes",
                                  help="IMAP mailboxes whose mails open tickets of this team.")

    @api.constrains("mail_reopen_days", "mail_sender_thread_days", "mail_attachments_max_mb")
    def _check_mail_limits(self):
        for team in self:
            if min(team.mail_reopen_days, team.mail_sender_thread_days,
                   team.mail_attachments_max_mb) < 0:
                raise ValidationError(_("The e-mail limits of team %s cannot be negative.")
                                      % team.name)

    def _crm_stage_of_state(self, state):
        """The team's first stage of this state ('progress', 'waiting'...)."""
        self.ensure_one()
        stages = self.stage_ids or self._crm_default_stages()
        return stages.filtered(lambda s: s.state == state)[:1]
