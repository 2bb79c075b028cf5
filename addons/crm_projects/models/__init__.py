# -*- coding: utf-8 -*-
from . import project_project, project_task
from . import crm_project_phase, crm_task_dependency, crm_task_slot
from . import project_project_quote, crm_quote_project, crm_opportunity_project
from . import project_project_progress, project_project_360, res_partner_project
from . import hr_employee_timesheet, account_analytic_line, crm_project_expense
from . import project_project_profitability, project_task_timesheet, calendar_event_timesheet
from . import crm_project_profitability_report
from . import crm_task_checklist_item, project_task_checklist, crm_project_phase_dates
from . import project_task_assignees, project_task_gantt
from . import project_project_gantt
from . import project_project_planning, project_task_planning, calendar_event_planning
from . import resource_calendar_public_holidays
