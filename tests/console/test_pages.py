from datetime import datetime, timedelta, timezone

import pytest

from console.pages import age, local_time, patient_ref, urgency_label

NOW = datetime(2026, 3, 29, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "ago, text",
    [
        (timedelta(seconds=30), "à l'instant"),
        (timedelta(minutes=5), "il y a 5 min"),
        (timedelta(hours=3, minutes=10), "il y a 3 h"),
        (timedelta(hours=47), "il y a 47 h"),
        (timedelta(days=3), "il y a 3 j"),
        (timedelta(minutes=-5), "à l'instant"),  # a clock a little ahead
    ],
)
def test_age(ago, text):
    assert age(NOW - ago, NOW) == text


def test_labels():
    assert local_time(NOW) == "29/03/2026 10:00"  # summer time in Paris
    assert local_time(None) == ""
    assert patient_ref("ab12cd34ef") == "P-AB12CD34"
    assert urgency_label("urgent") == "Aujourd'hui si possible"
    assert urgency_label("routine") == "Pas pressé"
