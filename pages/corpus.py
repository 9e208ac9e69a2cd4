"""语料库 Corpus: upload many files, see what happened to each, list and delete articles, edit word lists."""
from __future__ import annotations

import streamlit as st

from analysis import corpus_views
from wenyan_ui import frame, glue, word_lists
from wenyan_ui import strings as S

frame.page_header("corpus")
store = glue.store()
pending_note = st.empty()  # filled at the end, after a word-list save has run its re-analysis

with st.form("corpus.upload", clear_on_submit=True):
    files = st.file_uploader(S.UPLOAD_LABEL, accept_multiple_files=True, key="corpus.files")
    submitted = st.form_submit_button(S.UPLOAD_BUTTON, type="primary")
if submitted and files:
    bar = st.progress(0.0)
    report = corpus_views.ingest_uploads(
        [(f.name, f.getvalue()) for f in files], store=store,
        progress=lambda done, total, _: bar.progress(done / max(total, 1),
                                                     text=S.UPLOAD_PROGRESS.format(done=done, total=total)))
    bar.empty()
    glue.clear_results()
    results = frame.upload_results(report)
    counts = results["status"].value_counts()
    st.success(S.UPLOAD_SUMMARY.format(stored=counts.get("stored", 0), duplicate=counts.get("duplicate", 0),
                                       error=counts.get("error", 0)))
    frame.table(results, name="upload_results", key="corpus.results")

st.subheader(S.ARTICLES_STORED, anchor=False)
articles = glue.articles(glue.stamp())
frame.table(articles, name="articles", key="corpus.articles")

with st.expander(S.DELETE_EXPANDER):
    titles = frame.title_map(articles)
    doomed = st.multiselect(S.DELETE_LABEL, list(titles), format_func=lambda i: titles[i], key="corpus.delete",
                            placeholder=S.PICK_PLACEHOLDER)
    if st.button(S.DELETE_BUTTON, disabled=not doomed, key="corpus.delete_button"):
        removed = sum(store.delete_article(i) for i in doomed)
        glue.clear_results()
        st.session_state.pop("nav.article_id", None)
        st.toast(S.DELETED.format(n=removed))
        st.rerun()

with st.expander(S.WORDS_EXPANDER):
    word_lists.word_list_editor()

word_lists.outdated_note(pending_note)
