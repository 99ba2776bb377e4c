import pytest

from asah.course import duration


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        (45, 45),
        ("45", 45),
        ("90m", 90),
        ("1h30m", 90),
        ("1h", 60),
        ("1 jam 30 menit", 90),
        ("2 JP", 90),
        ("1,5 JP", 68),
        ("2jp", 90),
    ],
)
def test_valid(value, minutes):
    assert duration.parse(value, 45) == minutes


@pytest.mark.parametrize("value", [0, -5, True, "", "abc", "1,5 jam", "h", [45], None, 4.5])
def test_invalid(value):
    assert duration.parse(value, 45) is None


def test_minutes_per_jp_is_a_setting():
    assert duration.parse("2 JP", 50) == 100
    assert duration.jp(90, 45) == 2.0
    assert duration.jp(60, 45) == 1.3
    # halves up, as a person rounds and as the browser does (progress/model.js `jp`)
    assert duration.jp(15, 60) == 0.3 and duration.jp(75, 60) == 1.3 and duration.jp(3, 60) == 0.1
