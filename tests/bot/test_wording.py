"""The bot's fixed sentences (bot.wording): what it says when it cannot answer."""

from __future__ import annotations

from bot.wording import EXAMPLES, examples_near, fallback


def test_examples_follow_what_the_unread_words_ask_about() -> None:
    assert examples_near("something less stressful that still pays ok") == [
        "how much do electricians make in Texas"
    ]
    assert "how do I become a dental hygienist?" in examples_near("hw do i get my licence")
    assert examples_near("i hate my job what now") == ["what career fits me?"]
    assert examples_near("what jobs are good for introverts")[:1] == [
        "highest paying jobs without a degree"
    ]


def test_words_that_ask_nothing_known_get_the_comparison_examples() -> None:
    assert examples_near("asdf qwer") == list(EXAMPLES[1:])
    text = fallback(unknown=["asdf qwer"])
    assert text.startswith("I couldn't find “asdf qwer” among job titles.")
    assert "nurse vs teacher" in text
