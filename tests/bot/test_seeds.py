"""The two seed comparisons come out right, with figures equal to the source rows."""

from __future__ import annotations

from pathlib import Path

from bot.service import Careerbot
from tests.support.sources import oews_value


async def test_medical_collections_vs_loss_mitigation(
    careerbot: Careerbot, real_data_dir: Path
) -> None:
    reply = await careerbot.answer("medical collections vs loss mitigation")

    assert reply.kind == "compare"
    collectors, loss = reply.occupations
    assert collectors["code"] == "43-3011.00"
    assert collectors["asked_as"] == "medical collections"
    # Loss mitigation is the mortgage/loan-servicing job, not retail loss prevention.
    assert loss["code"] in {"13-2072.00", "43-4131.00", "13-2071.00"}
    national = "OEUN0000000000000433011"
    assert collectors["wages"]["annual_median"] == int(oews_value(real_data_dir, national + "13"))
    assert collectors["wages"]["annual_median"] == 47030
    assert collectors["wages"]["hourly_median"] == float(oews_value(real_data_dir, national + "08"))
    assert collectors["wages"]["employment"] == int(oews_value(real_data_dir, national + "01"))
    assert collectors["projection"]["percent_change"] == -10.5
    assert "$47,030" in reply.text and "−10.5%" in reply.text


async def test_senior_patient_account_rep_vs_collections_specialist(careerbot: Careerbot) -> None:
    reply = await careerbot.answer(
        "senior patient account representative vs collections specialist"
    )

    assert reply.kind == "compare"
    rep, collections = reply.occupations
    assert rep["code"] in {"43-3021.00", "43-3011.00"}
    # Not tax collectors (13-2081) nor librarians (25-4022).
    assert collections["code"] == "43-3011.00"
    assert collections["wages"]["annual_median"] == 47030
