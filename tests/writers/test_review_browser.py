"""The review page in a real browser (issue 21): Debian's headless Chromium driven by Selenium
through Debian's chromedriver (.ci/run installs both; skipped only where /usr/bin/chromium is
absent). Opens a corpus case's review page, checks that every edit and decision is shown on
its page, clicks marks and reads their rule and evidence, uses the keys and the rule filter,
saves a screenshot; opens a 300-page book's page and logs the time it took.

The README's screenshot is this test's: ``PAGEMEND_REVIEW_SCREENSHOT=docs/review.png pytest
tests/writers/test_review_browser.py`` writes it there (by default it goes to a temporary
folder).
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

from helpers import CORPUS
from pagemend.model import Block, Document, Edit, Line, Page, Span, replace
from pagemend.page_images import page_images
from pagemend.pipeline import mend
from pagemend.readers import read_path, read_text
from pagemend.writers.review import records, write_review

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's headless browser at /usr/bin/chromium: "
    "apt-get install chromium chromium-driver (.ci/run installs them)")
#: flags that let Chromium run headless as root in a container, with no network of its own
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1500,1000")
#: the case shown: notes linked to markers, headings, kept and joined hyphens, in a PDF
CASE = CORPUS / "terrelune-weasy" / "input.pdf"
#: the book size of issue 21's done-when: its page must stay under this many bytes
SCALE_PAGES, SCALE_LIMIT = 300, 30 * 2**20
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def case(tmp_path_factory) -> tuple[Document, Path]:
    doc = mend(read_path(str(CASE)))
    doc = replace(doc, meta=replace(doc.meta, source="terrelune-weasy/input.pdf"))
    page = tmp_path_factory.mktemp("review") / "terrelune.review.html"
    page.write_text(write_review(doc, page_images(str(CASE))), encoding="utf-8")
    return doc, page


def _open(driver, page: Path) -> float:
    started = time.perf_counter()
    driver.get(page.as_uri())
    seconds = time.perf_counter() - started
    assert driver.execute_script("return document.body.dataset.ready") == "1"
    return seconds


#: for every record's dot: its key, its page section, and whether it takes room on screen
_DOTS = """return [...document.querySelectorAll('.dot')].map(d => [d.dataset.r,
  d.closest('section.page').id, d.closest('tr').id, d.getClientRects().length > 0
  && d.getBoundingClientRect().width > 0]);"""


def test_every_edit_and_decision_is_shown_on_its_page(browser, case):
    doc, page = case
    _open(browser, page)
    browser.execute_script("for (const s of document.querySelectorAll('section.page'))"
                           " s.style.contentVisibility = 'visible';")
    shown = {key: (section, row, visible)
             for key, section, row, visible in browser.execute_script(_DOTS)}
    expected = records(doc)
    assert len(expected) == len(doc.edits) + len(doc.decisions) > 0
    assert set(shown) == set(expected)
    for key, record in expected.items():
        section, row, visible = shown[key]
        assert section == f"p-{record['page']}", key
        assert row == f"l-{record['page']}-{'x' if record['row'] is None else record['row']}"
        assert visible, key


def _inspector(driver) -> str:
    return str(driver.find_element("id", "inspector").text)


def _click(driver, element) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def test_clicking_a_mark_shows_its_rule_and_evidence(browser, case):
    doc, page = case
    _open(browser, page)
    expected = records(doc)
    joined = browser.find_elements("css selector", "tr.ln .joined[data-r]")[3]
    _click(browser, joined)
    record = expected[joined.get_attribute("data-r")]
    selected = browser.find_element("css selector", "#inspector .rec.sel")
    assert record["rule"] == "join_hyphenated_words.join_hyphen" in selected.text
    assert record["why"] in selected.text.replace("\n", " ")
    heading = next(key for key, r in expected.items() if r["rule"].startswith("detect_headings"))
    dot = browser.find_element("css selector", f'.dot[data-r="{heading}"]')
    _click(browser, dot)
    selected = browser.find_element("css selector", "#inspector .rec.sel")
    assert expected[heading]["rule"] in selected.text
    assert expected[heading]["why"] in selected.text.replace("\n", " ")
    note = browser.find_elements("css selector", "a.noteref")[0]
    _click(browser, note)
    assert "link_notes" in _inspector(browser)
    target = note.get_attribute("href").split("#")[1]
    assert browser.execute_script("return location.hash") == f"#{target}"
    box = browser.find_elements("css selector", "figure .box.k-heading")[0]
    _click(browser, box)
    row = box.get_attribute("data-row")
    assert "sel" in browser.find_element("id", row).get_attribute("class")
    assert "sel" in box.get_attribute("class")
    figure = box.find_element("xpath", "ancestor::figure")
    browser.execute_script("arguments[0].querySelector('img').click();", figure)
    assert "big" in figure.get_attribute("class")


def test_keys_move_between_pages_and_the_rule_filter_picks_sites(browser, case):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    doc, page = case
    _open(browser, page)
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.ARROW_RIGHT)
    status = browser.find_element("id", "status")
    assert status.text == f"page 2 of {len(doc.pages)}"
    body.send_keys("j")
    assert status.text == f"page 3 of {len(doc.pages)}"
    rule = "join_hyphenated_words.kept"
    count = sum(1 for d in doc.decisions if d.rule == rule)
    Select(browser.find_element("id", "rule")).select_by_value(rule)
    assert len(browser.find_elements("css selector", ".dot.hit")) == count > 1
    assert status.text == f"{count} sites of {rule}"
    body.send_keys("n")
    body.send_keys("n")
    assert status.text == f"site 2 of {count}"
    focused = browser.find_element("css selector", ".dot.focus")
    assert rule in browser.find_element("css selector", "#inspector .rec.sel").text
    assert focused.get_attribute("data-r").startswith("d")
    body.send_keys("p")
    assert status.text == f"site 1 of {count}"


def test_flagged_sites_are_reached_with_n(browser, tmp_path):
    lines = (Line("a hy", 0, 0), Line("phen", 0, 1))
    doc = Document(pages=(Page(0, None, lines), Page(1, None, (Line("", 1, 0),))),
                   blocks=(Block("paragraph", "a hyphen", (Span(0, 4, 0, None, 0),
                                                          Span(4, 8, 0, None, 1))),),
                   edits=(Edit("join_hyphenated_words", "join_hyphen", 0, 0, "-", "",
                               "weak evidence", offset=4, flagged=True),))
    page = tmp_path / "flagged.review.html"
    page.write_text(write_review(doc), encoding="utf-8")
    _open(browser, page)
    browser.find_element("tag name", "body").send_keys("n")
    assert browser.find_element("id", "status").text == "flagged site 1 of 1"
    assert "flagged: review this site" in _inspector(browser)
    assert "weak evidence" in _inspector(browser)


def test_screenshot(browser, case, tmp_path):
    doc, page = case
    _open(browser, page)
    index = next(n for n, p in enumerate(doc.pages)
                 if any(line.role == "note" for line in p.lines)
                 and any(line.kind == "heading" for line in p.lines))
    marks = browser.find_elements("css selector", f"#p-{index} .joined[data-r]")
    browser.execute_script("document.getElementById(arguments[0]).scrollIntoView();",
                           f"p-{index}")
    (marks[0] if marks else browser.find_element("css selector", f"#p-{index} tr.ln")).click()
    browser.execute_script("document.getElementById(arguments[0]).scrollIntoView();",
                           f"p-{index}")
    target = Path(os.environ.get("PAGEMEND_REVIEW_SCREENSHOT") or tmp_path / "review.png")
    assert browser.save_screenshot(str(target if target.is_absolute() else ROOT / target))


def _bench_book(pages: int) -> str:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "bench_scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.distinct_book(CORPUS, pages))


def test_a_300_page_book_opens_and_stays_small(browser, tmp_path, capsys):
    doc = mend(read_text(_bench_book(SCALE_PAGES)))
    page = tmp_path / "book.review.html"
    page.write_text(write_review(doc), encoding="utf-8")
    size = page.stat().st_size
    assert size < SCALE_LIMIT
    browser.get("about:blank")
    seconds = _open(browser, page)
    timing = browser.execute_script(
        "const t = performance.getEntriesByType('navigation')[0];"
        "return [t.domInteractive, t.loadEventEnd].map(Math.round);")
    assert len(browser.find_elements("css selector", "section.page")) == SCALE_PAGES
    with capsys.disabled():
        print(  # noqa: T201 (the done-when asks for the time in the test log)
            f"\nreview page of a {SCALE_PAGES}-page book ({len(doc.edits)} edits, "
              f"{len(doc.decisions)} decisions): {size / 2**20:.1f} MB without images, "
              f"opened in {seconds:.2f} s in headless Chromium (DOM ready at "
              f"{timing[0]} ms, loaded at {timing[1]} ms)")
