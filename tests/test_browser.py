"""The map page in headless Chromium (Debian's chromium + chromium-driver): load, filter,
click a marker, see the evidence highlighted in the article."""
import shutil
import socket
import threading
import time

import pytest

from eventcoder.store import Store

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver "
                                "(.ci/run installs them)")


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline, derna_events):
    import uvicorn

    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, iter_documents
    from eventcoder.server import create_app
    from conftest import RES

    db = tmp_path_factory.mktemp("web") / "e.sqlite"
    st = Store.open(db)
    st.save(*derna_events)
    for doc in iter_documents([RES / "kabul-attack.html", RES / "corpus.csv"]):
        if isinstance(doc, RawDocument):
            a = clean(doc)
            st.save(a, pipeline.code(a))
    st.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    yield drv
    drv.quit()


def wait(fn, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the page")


def test_load_filter_click_marker_see_evidence(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    rows = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr"))
    assert len(rows) >= 6
    assert wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#map svg path"))  # country outlines drawn locally
    browser.find_element(By.ID, "f-country").send_keys("Libya")
    browser.find_element(By.ID, "apply").click()
    wait(lambda: browser.find_element(By.ID, "count").text == "4 events")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 4
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")
    markers = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "path.event-marker"))
    assert len(markers) == 4
    markers[-1].click()  # four events at Darnah: the topmost marker, as a user would click it
    marks = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#article mark"))
    fields = {m.get_attribute("data-field"): m.text for m in marks}
    assert {m.text for m in marks if m.get_attribute("data-field") == "location"} & {"Derna", "the city"}
    assert "actor1" in fields and "event_type" in fields
    assert "Darnah" in browser.find_element(By.CSS_SELECTOR, "#evidence h3").text
    assert browser.find_elements(By.CSS_SELECTOR, "#events-table tr.selected")
    browser.save_screenshot(str(tmp_path / "map.png"))
