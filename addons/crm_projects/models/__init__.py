# -*- coding: utf-8 -*-
from . import project_project, project_task
from . import crm_project_phase, crm_task_dependency, crm_task_slot
from . import project_project_quote, crm_quote_project, crm_opportunity_project
from . import project_project_progress, project_project_360, res_partner_project
