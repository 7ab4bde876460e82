def test_plain_choice_fields_keep_their_options(world):
    from roer.strategy.forms import ContributionForm, GoalForm, KpiForm

    level = GoalForm(user=world.alice)["level"].as_widget()
    assert 'value="ambition"' in level and 'value="objective"' in level
    kpi = KpiForm(user=world.alice)
    assert 'value="higher"' in kpi["direction"].as_widget() and 'value="yearly"' in kpi["frequency"].as_widget()
    assert 'value="high"' in ContributionForm(user=world.alice)["confidence"].as_widget()
