"""The error boundary: an unexpected exception shows one Chinese sentence with a reference id, logged in full."""
from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest


def _crashing_page() -> None:
    import streamlit as st

    from wenyan_ui import frame

    with frame.error_boundary("crash"):
        st.write("before")
        raise RuntimeError("secret internal detail <script>")


def _stopping_page() -> None:
    import streamlit as st

    from wenyan_ui import frame

    with frame.error_boundary("stop"):
        st.write("shown")
        st.stop()
    st.write("never")


def test_crash_shows_reference_and_logs_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("WENYAN_LOG_DIR", str(tmp_path))
    app = AppTest.from_function(_crashing_page).run()
    assert not app.exception
    message = app.error[0].value
    reference = re.search(r"编号 ([0-9a-f]{8})", message).group(1)
    assert "页面出现意外错误" in message and "secret" not in message and "Traceback" not in message
    log = (tmp_path / "wenyan.log").read_text(encoding="utf-8")
    assert f"reference {reference}" in log and "Traceback" in log and "secret internal detail" in log


def test_streamlit_control_flow_passes_through(tmp_path, monkeypatch):
    monkeypatch.setenv("WENYAN_LOG_DIR", str(tmp_path))
    app = AppTest.from_function(_stopping_page).run()
    assert not app.exception and not app.error
    assert [m.value for m in app.markdown] == ["shown"]
