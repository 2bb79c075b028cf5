# -*- coding: utf-8 -*-
"""The customer's portal page of a project: Odoo 11's renders any project id
and fails with an error page (500) on a project the customer may not see;
here it goes back to the portal's home, as the invoices' page does."""
from odoo.exceptions import AccessError, MissingError
from odoo.http import request, route

from odoo.addons.project.controllers.portal import CustomerPortal


class CrmProjectsPortal(CustomerPortal):

    @route()
    def portal_my_project(self, project_id=None, **kw):
        project = request.env["project.project"].browse(project_id)
        try:
            project.check_access_rights("read")
            project.check_access_rule("read")
            project.exists().ensure_one()
        except (AccessError, MissingError, ValueError):
            return request.redirect("/my")
        return super(CrmProjectsPortal, self).portal_my_project(project_id=project_id, **kw)
