"""The demo corpus: loaded once into an empty store, never into a store that has articles."""
from __future__ import annotations

from analysis import demo
from analysis.store import Store


def test_demo_corpus_has_the_seed_and_at_least_twelve_articles():
    paths = demo.demo_paths()
    assert len(paths) >= 13
    assert paths[0].name == "000_9d4a661cd42be132.txt"  # the seed opens the corpus
    assert (demo.DEMO_DIR / "README.md").is_file() and all(p.stem != "README" for p in paths)


def test_ensure_demo_loads_an_empty_store_once(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "a.txt").write_text("甲地开展技能培训\n\n　　甲地今年培训职工1200人次。\n", encoding="utf-8")
    (folder / "b.md").write_text("# 乙地稳就业\n\n乙地新增就业岗位3000个。\n", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\x00")
    (folder / "README.md").write_text("# About this folder\n\nNot an article.\n", encoding="utf-8")
    store = Store(tmp_path / "s.sqlite3")
    shares = []
    stored = demo.ensure_demo_corpus(store, demo_dir=folder, progress=lambda share, label: shares.append(share))
    assert stored == 2 and store.counts()["articles"] == 2
    assert shares[-1] == 1.0
    assert demo.ensure_demo_corpus(store, demo_dir=folder) == 0


def test_demo_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("WENYAN_DEMO", "0")
    assert not demo.demo_enabled()
    monkeypatch.setenv("WENYAN_DEMO", "1")
    assert demo.demo_enabled()
