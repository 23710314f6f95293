"""What a signed-in professional sees is audited: the list, each referral, each transcript."""

from sqlalchemy import select

from actions.store.models import AuditEvent
from tests.console.conftest import login
from tests.store.fixtures import NOW


def reads(uow) -> list[tuple]:
    """The audit rows of what staff saw: (actor, action, patient, referral)."""
    with uow:
        rows = uow.session.execute(
            select(
                AuditEvent.actor,
                AuditEvent.action,
                AuditEvent.patient_id,
                AuditEvent.referral_id,
                AuditEvent.at,
            )
            .where(AuditEvent.actor.like("staff:%"))
            .where(AuditEvent.action.like("referral%") | AuditEvent.action.like("transcript%"))
            .order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]


async def test_the_list_is_audited_with_each_referral_shown(client, seeded, uow):
    await login(client)
    assert (await client.get("/")).status == 200
    me, referral = f"staff:{seeded.staff_id}", seeded.referral_id
    expected = [
        (me, "referrals.listed", None, None, NOW),
        (me, "referral.listed", "p1", referral, NOW),
    ]
    assert reads(uow) == expected
    assert (await client.get("/api/referrals")).status == 200
    assert reads(uow) == expected * 2


async def test_an_empty_list_is_audited_too(client, seeded, uow):
    await login(client)
    await client.post(f"/referrals/{seeded.referral_id}/close",
                      headers={"Origin": str(client.make_url("")).rstrip("/")})
    before = len(reads(uow))
    assert (await client.get("/api/referrals")).status == 200
    assert reads(uow)[before:] == [
        (f"staff:{seeded.staff_id}", "referrals.listed", None, None, NOW)
    ]


async def test_opening_a_referral_audits_which_referral_and_whose_patient(
    client, seeded, uow
):
    await login(client)
    assert (await client.get(f"/referrals/{seeded.referral_id}")).status == 200
    me, referral = f"staff:{seeded.staff_id}", seeded.referral_id
    expected = [
        (me, "referral.read", "p1", referral, NOW),
        (me, "transcript.read", "p1", referral, NOW),
    ]
    assert reads(uow) == expected
    assert (await client.get(f"/api/referrals/{referral}")).status == 200
    assert reads(uow) == expected * 2


async def test_rasa_down_the_referral_read_is_audited_not_the_transcript(
    down_client, seeded, uow
):
    await login(down_client)
    assert (await down_client.get(f"/referrals/{seeded.referral_id}")).status == 200
    assert reads(uow) == [
        (f"staff:{seeded.staff_id}", "referral.read", "p1", seeded.referral_id, NOW)
    ]


async def test_an_unknown_referral_is_not_found_and_not_audited(client, seeded, uow):
    await login(client)
    assert (await client.get("/referrals/999")).status == 404
    assert (await client.get("/api/referrals/999")).status == 404
    assert reads(uow) == []
