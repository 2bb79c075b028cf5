# -*- coding: utf-8 -*-
from odoo import models


class CrmCustomFieldMixin(models.AbstractModel):
    """Makes a model open to custom fields (CRM > Configuration > Custom fields).

    This is the one hook other addons use to offer custom fields on their
    models (opportunities, projects, tickets...)::

        class CrmTicket(models.Model):
            _name = "crm.ticket"
            _inherit = ["mail.thread", "crm.custom.field.mixin"]
            _crm_custom_field_views = {
                "form": "crm_helpdesk.crm_ticket_view_form",
                "search": "crm_helpdesk.crm_ticket_view_search",
                "tree": "crm_helpdesk.crm_ticket_view_tree",
            }

    The "form" view must contain an empty ``<group name="crm_custom_fields"/>``;
    if it sits in a ``<page name="crm_custom_fields" string="Custom fields"
    invisible="1">``, the page is shown as soon as the model has a custom field
    (set ``"form_page": False`` when there is no such page). "search" and "tree"
    are optional. crm.custom.field then keeps one generated inherited view per
    view type up to date with the model's custom fields.
    """
    _name = "crm.custom.field.mixin"
    _description = "Model open to custom fields"

    # xml ids of the views that show the custom fields, see the docstring
    _crm_custom_field_views = {}
