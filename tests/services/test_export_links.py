from datetime import timedelta

from actions.services.export_links import (
    LINK_LIFETIME,
    export_url,
    issue_export_link,
    open_export_link,
    redeem_export_link,
    token_hash,
)
from actions.store.export_links import ExportLink
from tests.store.fixtures import NOW, add_patient


def test_a_link_opens_once_within_its_lifetime(uow):
    add_patient(uow)
    token = issue_export_link(uow, "p1", "sender-p1", NOW)
    assert len(token) == 43
    assert open_export_link(uow, token, NOW + LINK_LIFETIME - timedelta(seconds=1)) == ("p1", "sender-p1")
    assert redeem_export_link(uow, token, NOW + timedelta(minutes=1)) is True
    assert open_export_link(uow, token, NOW + timedelta(minutes=2)) is None
    assert redeem_export_link(uow, token, NOW + timedelta(minutes=2)) is False


def test_an_expired_or_unknown_link_opens_nothing(uow):
    add_patient(uow)
    token = issue_export_link(uow, "p1", "sender-p1", NOW)
    assert open_export_link(uow, token, NOW + LINK_LIFETIME) is None
    assert redeem_export_link(uow, token, NOW + LINK_LIFETIME) is False
    assert open_export_link(uow, "x" * 43, NOW) is None


def test_only_the_token_hash_is_stored_and_the_issue_is_audited(uow):
    add_patient(uow)
    token = issue_export_link(uow, "p1", "sender-p1", NOW)
    with uow:
        [link] = uow.session.query(ExportLink).all()
        assert link.token_hash == token_hash(token) != token
        actions = [event.action for event in uow.audit.list_for_patient("p1")]
    assert actions == ["export.link_issued"]


def test_no_link_for_an_unknown_patient(uow):
    assert issue_export_link(uow, "nobody", "sender-x", NOW) is None


def test_erasure_removes_the_links(uow):
    from actions.services.patient_data import erase_patient

    add_patient(uow)
    token = issue_export_link(uow, "p1", "sender-p1", NOW)
    assert erase_patient(uow, "p1", NOW)["export_links"] == 1
    assert open_export_link(uow, token, NOW) is None


def test_the_url_points_at_the_chat_page(monkeypatch):
    monkeypatch.setenv("HYGIE_WEBCHAT_URL", "https://hygie.example.fr/")
    assert export_url("abc") == "https://hygie.example.fr/export/abc"
    monkeypatch.delenv("HYGIE_WEBCHAT_URL")
    assert export_url("abc") == "http://localhost:8080/export/abc"
