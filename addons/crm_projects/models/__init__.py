# -*- coding: utf-8 -*-
from . import project_project, project_task
from . import crm_project_phase, crm_task_dependency, crm_task_slot
from . import project_project_planning, project_task_planning, calendar_event_planning
from . import resource_calendar_public_holidays
