from django.template import Context, Template

TEMPLATE = '{% load roer_components %}{% refreshing "components/alert.html" "/progress" active "progress" %}'


def _render(active: bool) -> str:
    return Template(TEMPLATE).render(Context({"active": active, "message": "Bezig", "kind": "info", "role": "status"}))


def test_an_active_block_polls_its_url_and_shows_its_content():
    html = _render(True)
    assert '<div id="progress" hx-get="/progress" hx-trigger="every 2s" hx-swap="outerHTML">' in html
    assert "Bezig" in html


def test_a_finished_block_stops_polling():
    html = _render(False)
    assert html.startswith('<div id="progress">') and "hx-get" not in html
