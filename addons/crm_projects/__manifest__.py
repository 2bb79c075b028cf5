# -*- coding: utf-8 -*-
{
    "name": "CRM Projects",
    "summary": "Projects from signed quotes, tasks with dependencies, Gantt, automatic planning "
               "on real calendars, timesheets and profitability",
    "version": "11.0.1.0.0",
    "category": "Project",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # crm_sales: projects are made from its signed quotes (crm.quote) and won
    # opportunities. project: projects, tasks, stages, Kanban, portal.
    # hr_timesheet: time on tasks (account.analytic.line) and each employee's
    # hourly cost. hr_holidays: leave requests, which become the resource
    # leaves the planner avoids. web_timeline (OCA): the Gantt (timeline) view.
    "depends": [
        "crm_sales",
        "project",
        "hr_timesheet",
        "hr_holidays",
        "web_timeline",
    ],
    "data": [
        "security/crm_projects_security.xml",
        "security/ir.model.access.csv",
        "security/crm_projects_rules.xml",
        "views/crm_quote_project_views.xml",
        "views/crm_opportunity_project_views.xml",
        "views/project_project_quote_views.xml",
        "views/res_partner_project_views.xml",
        "views/project_portal_templates.xml",
        "security/crm_projects_timesheet_security.xml",
        "views/account_analytic_line_timesheet_views.xml",
        "views/hr_employee_timesheet_views.xml",
        "views/crm_project_expense_views.xml",
        "views/calendar_event_timesheet_views.xml",
        "views/project_task_timesheet_views.xml",
        "views/project_project_profitability_views.xml",
        "report/crm_project_profitability_report_views.xml",
        "security/crm_projects_task_security.xml",
        "views/project_task_views.xml",
        "views/project_task_gantt_views.xml",
        "views/project_project_phase_views.xml",
        "data/crm_projects_planning_cron.xml",
        "views/project_project_planning_views.xml",
        "views/resource_calendar_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/crm_projects_quote_demo.xml",
        "demo/crm_projects_planning_demo.xml",
        "demo/crm_projects_timesheet_demo.xml",
    ],
    # the company calendars of French companies get the public holidays
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "application": True,
}
