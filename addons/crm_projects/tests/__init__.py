# -*- coding: utf-8 -*-
from . import test_task_dependency, test_task_checklist, test_project_phase, test_task_assignees
from . import test_task_gantt
from . import test_planning
