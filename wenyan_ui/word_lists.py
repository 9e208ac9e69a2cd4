"""The corpus page's user dictionary and stopword editor: keyed boxes, saved as edits, then re-analysis."""
from __future__ import annotations

import streamlit as st

from analysis import word_lists
from wenyan_ui import glue
from wenyan_ui import strings as S

USER_WORDS = "corpus.user_words"
STOPWORDS = "corpus.stopwords"
SAVED = "corpus.words_saved"  # set by the save callback, read once by the page body


def _shown_key(key: str) -> str:
    return f"{key}.shown"


def _sync(key: str, stored: list[str]) -> None:
    """Show the stored list, unless this session has unsaved edits in the box (those are never overwritten)."""
    shown = st.session_state.get(_shown_key(key))
    if key in st.session_state and shown is not None:
        edited = word_lists.word_list(st.session_state[key].splitlines()) != shown
        if edited or shown == stored:
            return
    st.session_state[_shown_key(key)] = stored
    st.session_state[key] = "\n".join(stored)


def _save() -> None:
    """Apply this session's additions and removals to the stored lists, then show the merged lists."""
    store = glue.store()
    changed = word_lists.apply_word_list_edits(
        store, shown_user_words=st.session_state.get(_shown_key(USER_WORDS), []),
        user_words=st.session_state.get(USER_WORDS, "").splitlines(),
        shown_stopwords=st.session_state.get(_shown_key(STOPWORDS), []),
        stopwords=st.session_state.get(STOPWORDS, "").splitlines())
    for key, stored in ((USER_WORDS, store.list_user_words()), (STOPWORDS, store.list_stopwords())):
        st.session_state[_shown_key(key)] = stored
        st.session_state[key] = "\n".join(stored)
    st.session_state[SAVED] = changed


def word_list_editor() -> None:
    """Two one-word-a-line boxes and a save button; a change re-analyses the stored articles with a progress bar."""
    store = glue.store()
    _sync(USER_WORDS, store.list_user_words())
    _sync(STOPWORDS, store.list_stopwords())
    st.text_area(S.USER_WORDS_LABEL, key=USER_WORDS, height=160)
    st.text_area(S.STOPWORDS_LABEL, key=STOPWORDS, height=160)
    st.button(S.SAVE_WORDS, key="corpus.save_words", on_click=_save)
    changed = st.session_state.pop(SAVED, None)
    if changed is False:
        st.info(S.WORDS_UNCHANGED)
    elif changed:
        st.success(S.WORDS_REANALYZED.format(n=_reanalyze()))


def outdated_note(slot) -> None:
    """In `slot` (an st.empty near the top of the page): how many articles still wait for re-analysis with the
    current word lists, and a button that finishes it. Called after the editor, so a save's own run is counted."""
    pending = glue.outdated_articles()
    if not pending:
        slot.empty()
        return
    with slot.container():
        st.warning(S.REANALYSIS_PENDING.format(n=pending), icon=":material/pending_actions:")
        clicked = st.button(S.REANALYSIS_FINISH, key="corpus.finish_reanalysis", type="primary")
    if clicked:
        with slot.container():  # replaces the note: progress, then the result
            st.success(S.REANALYSIS_FINISHED.format(n=_reanalyze()))


def _reanalyze() -> int:
    """Re-analyse the outdated articles with a progress bar; leaving the page stops it, the note offers the rest."""
    bar = st.progress(0.0, text=S.REANALYZING)
    count = glue.reanalyze(progress=lambda done, total: bar.progress(
        done / max(total, 1), text=S.REANALYZE_PROGRESS.format(done=done, total=total)))
    bar.empty()
    return count
