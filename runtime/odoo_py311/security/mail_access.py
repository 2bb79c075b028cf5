"""Odoo's mail models: who may read a conversation, join a channel or follow a document.

Access-control holes of the 11.0 snapshot that RPC reaches directly.
Patches: ``mail_channel_membership_by_invitation`` (CVE-2019-11783),
``mail_notification_needs_message_access`` (CVE-2019-11784),
``mail_followers_need_document_access`` (CVE-2019-11785, CVE-2021-44465) and
``mail_post_attachments_need_read_access`` (CVE-2018-15631).
"""
from ..registry import patch
from .helpers import access_error, is_privileged, override


def _check_document_access(env, model, res_id, operation):
    """Raise AccessError unless env's user may `operation` (read/write) the record model/res_id."""
    if not model or model not in env:
        raise access_error("unknown document model %r" % (model,))
    record = env[model].browse(res_id or [])
    record.check_access_rights(operation)
    record.exists().check_access_rule(operation)


@patch("odoo.addons.mail.models.mail_channel")
def mail_channel_membership_by_invitation(module):
    """CVE-2019-11783 (odoo/odoo#63708): nobody joins a private/group-restricted mail channel
    uninvited through mail.channel.partner.

    Internal users have create/write access on mail.channel.partner and no
    record rule restricts it: creating a membership row (or moving one's own
    row to another channel) made the user a member of any private channel,
    whose messages membership then lets them read. Now, outside sudo and
    Settings administrators, a membership may be created only where the
    current user could invite: public channel; private channel the user is a
    member of; group-restricted channel whose group holds the current user
    (and the invited partner's user). Channel/partner of an existing
    membership cannot be changed.
    """
    ChannelPartner = module.ChannelPartner
    import odoo.api

    def can_invite(env, channel_id, partner_id):
        channel = env["mail.channel"].sudo().browse(channel_id).exists()
        if not channel:
            return False
        if channel.public == "public":
            return True
        me = env.user.partner_id
        members = channel.channel_partner_ids
        if channel.public == "private":
            return me in members
        # 'groups': the inviter and the invited partner's user must both be in the group
        allowed_users = channel.group_public_id.users
        partner = env["res.partner"].sudo().browse(partner_id or me.id).exists()
        invited_users = partner.user_ids[:1]
        return bool(invited_users) and env.user in allowed_users and invited_users <= allowed_users

    @override(ChannelPartner, "create", odoo.api.model)
    def create(origin, self, vals):
        if not is_privileged(self.env) and vals.get("channel_id"):
            if not can_invite(self.env, vals["channel_id"], vals.get("partner_id")):
                raise access_error("You cannot add this partner to this channel.")
        return origin(vals)

    @override(ChannelPartner, "write", odoo.api.multi)
    def write(origin, self, vals):
        if not is_privileged(self.env) and {"channel_id", "partner_id"} & set(vals):
            raise access_error("The channel and partner of a membership cannot be changed.")
        return origin(vals)


@patch("odoo.addons.mail.models.mail_notification")
def mail_notification_needs_message_access(module):
    """CVE-2019-11784 (odoo/odoo#63709): a notification (needaction) can only be created on a
    message one may already read.

    mail.message grants read access to the partners it notified; internal
    users may create mail.notification rows, so creating one for oneself on
    any message id made that message (and its body, attachments, document
    name) readable. Now creating a notification, or pointing one at another
    message/partner, requires read access to the message (outside sudo).
    """
    Notification = module.Notification
    import odoo.api

    def check(env, message_id):
        from odoo import SUPERUSER_ID

        if env.uid == SUPERUSER_ID or not message_id:
            return
        message = env["mail.message"].browse(message_id)
        message.check_access_rights("read")
        message.check_access_rule("read")

    @override(Notification, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, vals.get("mail_message_id"))
        return origin(vals)

    @override(Notification, "write", odoo.api.multi)
    def write(origin, self, vals):
        if "mail_message_id" in vals or "res_partner_id" in vals:
            check(self.env, vals.get("mail_message_id") or self.mapped("mail_message_id").ids)
        return origin(vals)


@patch("odoo.addons.mail.models.mail_followers")
def mail_followers_need_document_access(module):
    """CVE-2019-11785 (odoo/odoo#63710), CVE-2021-44465 (odoo/odoo#107692): following a document
    through mail.followers requires access to it.

    message_subscribe checks access, but internal users may create
    mail.followers rows directly through RPC: following any record (and then
    posting on it and being notified of its messages), or making others and
    channels follow it. Now, outside sudo, creating or re-pointing a follower
    needs read access to the document when one follows it oneself, and write
    access when subscribing another partner or a channel (what
    message_subscribe asks).
    """
    Followers = module.Followers
    import odoo.api
    from odoo import SUPERUSER_ID

    def check(env, model, res_id, partner_id, channel_id):
        if env.uid == SUPERUSER_ID:
            return
        own = partner_id == env.user.partner_id.id and not channel_id
        _check_document_access(env, model, res_id, "read" if own else "write")

    @override(Followers, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, vals.get("res_model"), vals.get("res_id"),
              vals.get("partner_id"), vals.get("channel_id"))
        return origin(vals)

    @override(Followers, "write", odoo.api.multi)
    def write(origin, self, vals):
        relinked = {"res_model", "res_id", "partner_id", "channel_id"} & set(vals)
        if self.env.uid != SUPERUSER_ID and relinked:
            for follower in self:
                check(self.env, vals.get("res_model", follower.res_model),
                      vals.get("res_id", follower.res_id),
                      vals.get("partner_id", follower.partner_id.id),
                      vals.get("channel_id", follower.channel_id.id))
        return origin(vals)


def _attachment_ids_of(commands):
    """Ids linked by x2many commands ((4, id), (6, 0, ids)) or a plain list of ids."""
    ids = []
    for command in commands or ():
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 4:
                ids.append(command[1])
            elif command[0] == 6:
                ids.extend(command[2] or ())
    return ids


@patch("odoo.addons.mail.models.mail_thread")
def mail_post_attachments_need_read_access(module):
    """CVE-2018-15631 (odoo/odoo#32516): a message can only carry attachments its author may read.

    message_post(attachment_ids=...) linked any attachment id to the new
    message, and the notification e-mail (sent as superuser) carried the
    files: posting to oneself mailed any attachment of the database. Now,
    outside sudo, every attachment passed to message_post, or linked to a
    mail.message on create/write, must pass ir.attachment's read check.
    """
    MailThread = module.MailThread

    @override(MailThread, "_message_post_process_attachments")
    def process(origin, self, attachments, attachment_ids, message_data):
        from odoo import SUPERUSER_ID

        ids = _attachment_ids_of(attachment_ids)
        if ids and self.env.uid != SUPERUSER_ID:
            self.env["ir.attachment"].browse(ids).check("read")
        return origin(attachments, attachment_ids, message_data)

    import odoo.addons.mail.models.mail_message as mail_message
    import odoo.api

    Message = mail_message.Message

    def check(env, values):
        from odoo import SUPERUSER_ID

        ids = _attachment_ids_of(values.get("attachment_ids"))
        if ids and env.uid != SUPERUSER_ID:
            env["ir.attachment"].browse(ids).check("read")

    @override(Message, "create", odoo.api.model)
    def create(origin, self, values):
        check(self.env, values)
        return origin(values)

    @override(Message, "write", odoo.api.multi)
    def write(origin, self, vals):
        check(self.env, vals)
        return origin(vals)
