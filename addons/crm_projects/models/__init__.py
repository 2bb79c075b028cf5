# -*- coding: utf-8 -*-
from . import project_project, project_task
from . import crm_project_phase, crm_task_dependency, crm_task_slot
