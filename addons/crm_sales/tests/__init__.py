# -*- coding: utf-8 -*-
from . import test_logic_quote_totals, test_quote, test_quote_revisions, test_quote_report
from . import test_logic_signature, test_quote_sign, test_quote_share
from . import test_opportunity, test_opportunity_access, test_sales_demo_data
from . import (test_logic_forecast, test_logic_followups, test_forecast, test_targets,
               test_stage_rules, test_followups)
from . import test_pipeline_progress_bar
from . import test_pivot_read_group
