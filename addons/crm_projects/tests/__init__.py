# -*- coding: utf-8 -*-
from . import test_project_from_quote
from . import test_project_access
from . import test_project_progress_360
from . import test_project_quote_demo
from . import test_timesheet_profitability, test_timesheet_meeting_rights
from . import test_task_dependency, test_task_checklist, test_project_phase, test_task_assignees
from . import test_task_gantt
from . import test_planning
