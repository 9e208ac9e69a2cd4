"""WenYan dashboard entry point: navigation over pages/ with Chinese titles, the shared frame, one error boundary."""
from __future__ import annotations

from wenyan_ui import frame

page = frame.navigation()
frame.shell()
with frame.error_boundary(page.url_path or frame.DEFAULT_PAGE):
    page.run()
