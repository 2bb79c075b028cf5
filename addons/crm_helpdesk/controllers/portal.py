# -*- coding: utf-8 -*-
"""The customer's tickets on the portal: /my/tickets and /my/tickets/<id>.

What OCA helpdesk_mgmt 11.0 gets wrong and this does not:
- the /my/home counter counts only what the user may read: an internal user
  who is not a helpdesk user gets 0, not a 403 on the whole page;
- a portal user sees their company's tickets only (record rule on
  ``commercial_partner_id``, and every route checks the read access before
  working as superuser);
- a ticket the user may not see, or that does not exist, goes back to /my,
  never to an error page;
- the link in the mails (``?access_token=``) opens that one ticket without an
  account, and lets the customer answer it.
"""
from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

MAX_REPLY_INPUT = 20001


class CrmHelpdeskPortal(CustomerPortal):

    def _crm_ticket_count(self):
        Ticket = request.env["crm.ticket"]
        if not Ticket.check_access_rights("read", raise_exception=False):
            return 0
        return Ticket.search_count(Ticket._crm_portal_domain(request.env.user.partner_id))

    def _prepare_portal_layout_values(self):
        values = super(CrmHelpdeskPortal, self)._prepare_portal_layout_values()
        values["ticket_count"] = self._crm_ticket_count()
        return values

    def _crm_ticket_access(self, ticket_id, access_token=None):
        """The ticket (as superuser) when the visitor may see it, else None:
        through their rights (portal rule, helpdesk groups), or the token."""
        ticket = request.env["crm.ticket"].browse(ticket_id)
        try:
            ticket.check_access_rights("read")
            ticket.check_access_rule("read")
            ticket.exists().ensure_one()
            return ticket.sudo()
        except (AccessError, MissingError, ValueError):
            ticket = ticket.sudo().exists()   # not theirs: only the mail's token opens it
        if ticket and access_token and ticket._crm_check_portal_token(access_token):
            return ticket
        return None

    @http.route(["/my/tickets", "/my/tickets/page/<int:page>"], type="http", auth="user",
                website=True)
    def crm_portal_my_tickets(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_layout_values()
        Ticket = request.env["crm.ticket"]
        if not Ticket.check_access_rights("read", raise_exception=False):
            return request.redirect("/my")
        domain = Ticket._crm_portal_domain(request.env.user.partner_id)
        sortings = {
            "update": {"label": _("Last update"), "order": "write_date desc, id desc"},
            "date": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "state": {"label": _("Status"), "order": "is_closed, stage_state, id desc"},
        }
        sortby = sortby if sortby in sortings else "update"
        count = Ticket.search_count(domain)
        pager = portal_pager(url="/my/tickets", url_args={"sortby": sortby}, total=count,
                             page=page, step=self._items_per_page)
        tickets = Ticket.search(domain, order=sortings[sortby]["order"],
                                limit=self._items_per_page, offset=pager["offset"])
        values.update({
            "tickets": tickets.sudo(),
            "page_name": "ticket",
            "pager": pager,
            "default_url": "/my/tickets",
            "searchbar_sortings": sortings,
            "sortby": sortby,
        })
        return request.render("crm_helpdesk.portal_my_tickets", values)

    def _crm_render_ticket(self, ticket, access_token=None, error=None, reply=""):
        values = self._prepare_portal_layout_values() if request.session.uid else {}
        values.update({
            "ticket": ticket,
            "ticket_messages": ticket._crm_portal_messages(),
            "page_name": "ticket",
            "access_token": access_token or "",
            "reply_url": "/my/tickets/%d/reply" % ticket.id,
            "error": error,
            "reply": reply,
            "csrf_token": request.csrf_token(None),
        })
        return request.render("crm_helpdesk.portal_my_ticket", values,
                              status=400 if error else 200)

    @http.route(["/my/tickets/<int:ticket_id>"], type="http", auth="public", website=True)
    def crm_portal_my_ticket(self, ticket_id, access_token=None, **kw):
        ticket = self._crm_ticket_access(ticket_id, access_token)
        if not ticket:
            return request.redirect("/my")
        return self._crm_render_ticket(ticket, access_token)

    @http.route(["/my/tickets/<int:ticket_id>/reply"], type="http", auth="public",
                methods=["POST"], website=True)
    def crm_portal_ticket_reply(self, ticket_id, access_token=None, message=None, **kw):
        ticket = self._crm_ticket_access(ticket_id, access_token)
        if not ticket:
            return request.redirect("/my")
        user = request.env.user
        partner = user.partner_id if request.session.uid and not user._is_public() \
            else ticket.partner_id
        text = (message or "")[:MAX_REPLY_INPUT]
        try:
            ticket._crm_portal_reply(partner, text)
        except UserError as e:
            return self._crm_render_ticket(ticket, access_token,
                                           error=e.args[0] if e.args else str(e), reply=text)
        url = "/my/tickets/%d" % ticket.id
        if access_token:
            url += "?access_token=%s" % access_token
        return request.redirect(url + ("&" if access_token else "?") + "answered=1")
