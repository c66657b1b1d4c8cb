"""Starts the scormhost test LMS on 127.0.0.1 only.  Usage: python serve_lms.py PORT DATA_DIR

Run with the LMS's own virtual environment (.venv-lms, made by Tools/install-deps.sh)."""
import sys

import uvicorn
from scormhost import create_scorm_app

port = int(sys.argv[1])
app = create_scorm_app(
    data_dir=sys.argv[2],
    title="SCORM test LMS",
    secret_key="test-only-secret-key-not-for-production-0123456789",
    require_auth=False,
    allow_registration=True,  # the first account registered becomes the admin
)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", workers=1)
