# -*- coding: utf-8 -*-
{
    "name": "CRM Helpdesk",
    "summary": "Support tickets from e-mail, web form, live chat and phone; SLA on business "
               "hours, automatic assignment, satisfaction and NPS",
    "version": "11.0.1.0.0",
    "category": "Helpdesk",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # crm_base: contacts, the 360° record, mailboxes and the unfiled list,
    # round robin, public holidays and working time. mail (via crm_base):
    # threading, followers, the team aliases. rating: the satisfaction vote.
    # portal: customers see and answer their tickets. im_livechat: the
    # visitor's chat that becomes a ticket. resource: the teams' working hours.
    "depends": [
        "crm_base",
        "rating",
        "portal",
        "im_livechat",
        "resource",
    ],
    "data": [
        "security/crm_helpdesk_security.xml",
        "security/ir.model.access.csv",
        "security/crm_helpdesk_rules.xml",
        "security/crm_ticket_canned_reply_rules.xml",
        "security/crm_helpdesk_sla_rules.xml",
        "data/crm_ticket_sequence.xml",
        "data/crm_ticket_stage_data.xml",
        "data/crm_helpdesk_sla_cron.xml",
        "views/crm_ticket_views.xml",
        "views/crm_helpdesk_team_views.xml",
        "views/crm_ticket_stage_views.xml",
        "views/crm_ticket_category_views.xml",
        "views/crm_ticket_tag_views.xml",
        "views/crm_helpdesk_sla_views.xml",
        "data/crm_ticket_assignment_cron.xml",
        "views/crm_ticket_assignment_views.xml",
        "wizard/crm_ticket_merge_views.xml",
        "data/crm_ticket_rating_template.xml",
        "data/crm_helpdesk_nps_data.xml",
        "views/crm_helpdesk_rating_views.xml",
        "views/crm_helpdesk_nps_views.xml",
        "views/crm_ticket_mail_views.xml",
        "data/crm_ticket_web_form_mail.xml",
        "views/crm_helpdesk_form_templates.xml",
        "views/crm_helpdesk_portal_templates.xml",
        "wizard/crm_ticket_phone_wizard_views.xml",
        "views/crm_helpdesk_channels_views.xml",
        "security/crm_helpdesk_portal_rules.xml",
        "views/crm_ticket_sla_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/crm_helpdesk_demo.xml",
        "demo/crm_ticket_mail_demo.xml",
    ],
    "application": True,
}
