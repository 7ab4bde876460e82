from django import forms
from django.template import Context, Template


class _Form(forms.Form):
    name = forms.CharField(label="Name", help_text="What people call it.")


def _render(form):
    return Template("{% load roer_components %}{% form_field form.name %}").render(Context({"form": form}))


def test_error_and_help_text_are_announced_with_the_field():
    form = _Form(data={"name": ""})
    assert not form.is_valid()
    html = _render(form)
    assert 'aria-describedby="id_name_error id_name_helptext"' in html
    assert 'id="id_name_error"' in html and html.count('id="id_name_error"') == 1
    assert 'aria-invalid="true"' in html


def test_a_valid_field_points_only_to_its_help_text():
    html = _render(_Form())
    assert 'aria-describedby="id_name_helptext"' in html and "_error" not in html
