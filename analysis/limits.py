"""Input limits (sizes, counts, compression ratio) with documented defaults, each overridable by an env variable.

| env variable              | default | what it bounds                                                        |
|---------------------------|---------|-----------------------------------------------------------------------|
| WENYAN_MAX_FILE_MB        | 50      | one file, or one member of a zip, in MB (CLI and dashboard)           |
| WENYAN_MAX_UPLOAD_MB      | 50      | one file uploaded in the dashboard (keep .streamlit/config.toml       |
|                           |         | server.maxUploadSize the same; Streamlit refuses first, analysis again)|
| WENYAN_MAX_ZIP_TOTAL_MB   | 512     | declared uncompressed size of all members of one zip                   |
| WENYAN_MAX_ZIP_RATIO      | 100     | uncompressed / compressed size of a zip member larger than 1 MB        |
| WENYAN_MAX_ZIP_FILES      | 2000    | entries in one zip                                                     |

Values are read once, when the engine is imported (a server restart applies a change); a value that is not a
positive number is ignored with a warning in the log, so a typo never disables a limit.
"""
from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Iterable, Mapping

from analysis.errors import TooLarge

logger = logging.getLogger(__name__)

MB = 2**20
DEFAULTS: Mapping[str, float] = {
    "WENYAN_MAX_FILE_MB": 50,
    "WENYAN_MAX_UPLOAD_MB": 50,
    "WENYAN_MAX_ZIP_TOTAL_MB": 512,
    "WENYAN_MAX_ZIP_RATIO": 100,
    "WENYAN_MAX_ZIP_FILES": 2000,
}
# Small members compress extremely well when they repeat a line; only big ones can be bombs worth refusing.
RATIO_MIN_MEMBER_BYTES = 1 * MB


def read_limit(name: str, *, environ: Mapping[str, str] | None = None) -> float:
    """The value of one limit: the env variable when it is a positive number, else the documented default."""
    raw = (os.environ if environ is None else environ).get(name, "").strip()
    if not raw:
        return DEFAULTS[name]
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if value <= 0:
        logger.warning("ignoring %s=%r: not a positive number; using %s", name, raw, DEFAULTS[name])
        return DEFAULTS[name]
    return value


MAX_INPUT_BYTES = int(read_limit("WENYAN_MAX_FILE_MB") * MB)
MAX_UPLOAD_BYTES = int(read_limit("WENYAN_MAX_UPLOAD_MB") * MB)
MAX_ZIP_TOTAL_BYTES = int(read_limit("WENYAN_MAX_ZIP_TOTAL_MB") * MB)
MAX_ZIP_RATIO = read_limit("WENYAN_MAX_ZIP_RATIO")
MAX_ZIP_MEMBERS = int(read_limit("WENYAN_MAX_ZIP_FILES"))


def check_zip_ratio(infos: Iterable[zipfile.ZipInfo], *, source: str, max_ratio: float = MAX_ZIP_RATIO) -> None:
    """TooLarge when a big member unpacks to more than `max_ratio` times its compressed size (a zip bomb)."""
    for info in infos:
        if info.file_size > RATIO_MIN_MEMBER_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
            raise TooLarge(f"entry {info.filename!r} unpacks {info.file_size // max(info.compress_size, 1)} times "
                           f"its packed size (limit {max_ratio:g}); this looks like a zip bomb, re-create the archive "
                           "from the original files", source=source)
