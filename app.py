"""WenYan dashboard entry point: navigation over pages/ with Chinese titles, the shared frame, one error boundary."""
from __future__ import annotations

from wenyan_ui import frame

frame.run_app()
