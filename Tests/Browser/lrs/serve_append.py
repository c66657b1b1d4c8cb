# The test LRS: Ralph (ralph-malph 5.1.0, its file backend) made a many-writes xAPI LRS by
# patching its running process, as the tests need it. Started by Tests/Browser/lrs_server.py on 127.0.0.1.
"""Run ralph-malph 5.1.0 with its fs backend as a many-writes xAPI LRS (loopback only).

Usage: RALPH_RUNSERVER_BACKEND=fs RALPH_APP_DIR=<dir with auth.json> \
       RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=<data dir> \
       python serve_append.py [PORT]
"""
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.base import StatementQueryResult
from ralph.backends.lrs.fs import FSLRSBackend

# 1) Stock default is CREATE, which refuses an existing fs_lrs.jsonl -> append.
FSLRSBackend.default_operation_type = BaseOperationType.APPEND

# 2) verb/activity reach the fs filters as IRI objects compared with == to str.
_verb, _act = FSLRSBackend._add_filter_by_verb, FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_verb = staticmethod(
    lambda filters, v: _verb(filters, str(v) if v else v))
FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda filters, a, related: _act(filters, str(a) if a else a, related))

# 3) Skip history.json bookkeeping (whole file rewritten on every read and write).
FSLRSBackend.append_to_history = lambda self, event: None


# 4) xAPI order (newest first unless ascending=true), real booleans, paging.
def _bool(value):
    return value is True or str(value).lower() in ("true", "1")


_query = FSLRSBackend.query_statements


def query_statements(self, params, target=None):
    ascending, limit, after = _bool(params.ascending), params.limit or 0, params.search_after
    params = params.model_copy(update={
        "limit": 0, "search_after": None, "ascending": False,
        "related_activities": _bool(params.related_activities),
        "related_agents": _bool(params.related_agents)})
    statements = _query(self, params, target).statements  # file order = oldest first
    if not ascending:
        statements = statements[::-1]
    if after:
        ids = [s.get("id") for s in statements]
        statements = statements[ids.index(after) + 1:] if after in ids else []
    page = statements[:limit] if limit else statements
    more = page[-1]["id"] if limit and len(page) == limit else None
    return StatementQueryResult(statements=page, pit_id=None, search_after=more)


FSLRSBackend.query_statements = query_statements

from ralph.api import app  # noqa: E402  (import after patching)

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 8100,
            workers=1, log_level="warning")
