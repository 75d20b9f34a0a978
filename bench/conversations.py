"""`make eval`, conversations: multi-turn chats scored turn by turn.

The set: bench/eval/conversations.jsonl.

Each conversation runs in a chat of its own through the core, as the bot runs it: group turns
come from their member, commands are read as the handlers read them, a reply to an earlier
answer continues that answer (each answer is remembered as a message, as Telegram's would
be). A turn is right when every expected field matches: kind, occupations (in order, each in
its group), place, view, the favoured occupation of a fact. Also counted: "did you mean…"
lists offered on turns that hold no job title (goal: none).

`python -m bench.conversations -v` lists the turns that went wrong; `--file F` scores one set
(by default: the dev set and every held-out bench/eval/conversations_fresh*.jsonl).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.common import careerbot_async
from bot.console import command_reply
from bot.places import POSTAL
from bot.replies import Reply
from bot.service import Careerbot

HERE = Path(__file__).resolve().parent / "eval"
# The dev set, then the held-out sets in the order they were written (fresh2-6 were each tuned
# on after their first run, which their headers record).
SETS = [HERE / "conversations.jsonl", *sorted(HERE.glob("conversations_fresh*.jsonl"), key=str)]
FIRST_MEMBER = 5001  # group members get ids in the order each conversation names them
FIRST_CHAT = 3_000_000
_COMMAND = re.compile(r"^/(?P<name>\w+)(?:@\w+)?\s*(?P<rest>.*)$", re.S)
_MENTION = re.compile(r"@careerbot\b", re.I)


def load(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def place_of(reply: Reply) -> str | None:
    location = reply.extra.get("location")
    if not isinstance(location, dict):
        return None
    if location.get("kind") == "national":
        return "US"
    if location.get("kind") == "state":
        return POSTAL.get(str(location.get("code")), str(location.get("code")))
    return str(location.get("code"))


async def say(
    core: Careerbot, chat: int, member: int | None, text: str, reply_to: int | None
) -> Reply:
    """What the handlers do with a message: commands first, then the conversation."""
    command = _COMMAND.match(text.strip())
    if command:
        name, rest = command["name"].casefold(), command["rest"].strip()
        if name in ("compare", "job") and rest:
            text = rest  # answered as the member's question, below
        else:
            # The console's reading of a command, which is the handlers' (an unknown one: help).
            return await command_reply(core, text.strip(), chat) or core.help()
    text = " ".join(_MENTION.sub(" ", text).split())
    return await core.answer(text, chat_id=chat, member_id=member, replying_to=reply_to)


def judge(reply: Reply, expect: dict[str, Any]) -> list[str]:
    """What differs between the reply and the expected turn (nothing: right)."""
    wrong = []
    if reply.kind != expect["kind"]:
        wrong.append(f"kind {reply.kind} != {expect['kind']}")
    if "occupations" in expect:
        got = [o["code"] for o in reply.occupations]
        groups = [g.split("|") for g in expect["occupations"]]
        if len(got) != len(groups) or any(c not in g for c, g in zip(got, groups, strict=False)):
            wrong.append(f"occupations {got} != {expect['occupations']}")
    if "place" in expect and place_of(reply) != expect["place"]:
        wrong.append(f"place {place_of(reply)} != {expect['place']}")
    if "view" in expect and reply.extra.get("view") != expect["view"]:
        wrong.append(f"view {reply.extra.get('view')} != {expect['view']}")
    if "answer" in expect:
        favoured = reply.extra.get("answer")
        if favoured not in expect["answer"].split("|"):
            wrong.append(f"answer {favoured} != {expect['answer']}")
    return wrong


async def score(core: Careerbot, path: Path, verbose: bool) -> None:
    conversations = load(path)
    # Chats of their own each run: a context written by an earlier run must not be continued.
    chats = itertools.count(FIRST_CHAT + int(time.time() * 1000) % 1_000_000_000 * 10)
    messages = itertools.count(1)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    nontitle_clarify = 0
    whole = 0
    misses: list[str] = []
    for conversation in conversations:
        chat = next(chats)
        if conversation.get("chat") == "group":
            chat = -chat
        sent: dict[int, int] = {}
        members: dict[str, int] = {}
        all_right = True
        for index, turn in enumerate(conversation["turns"]):
            name = turn.get("from")
            member = None if name is None else members.setdefault(name, FIRST_MEMBER + len(members))
            reply_to = sent.get(turn["reply_to"]) if "reply_to" in turn else None
            reply = await say(core, chat, member, turn["say"], reply_to)
            message_id = next(messages)
            core.remember_sent(chat, message_id, reply)
            sent[index] = message_id
            wrong = judge(reply, turn["expect"])
            counts = by_kind[turn["expect"]["kind"]]
            counts[0] += 1
            counts[1] += not wrong
            if turn.get("nontitle") and reply.kind == "clarify":
                nontitle_clarify += 1
            if wrong:
                all_right = False
                misses.append(f"  {conversation['id']}#{index} {turn['say']!r}: {'; '.join(wrong)}")
        whole += all_right
    turns = sum(n for n, _ in by_kind.values())
    right = sum(r for _, r in by_kind.values())
    print(f"{path.name}: {len(conversations)} conversations, {turns} turns")
    print(f"{'expected kind':<16}{'turns':>7}{'right':>9}")
    for kind, (n, r) in sorted(by_kind.items(), key=lambda item: -item[1][0]):
        print(f"{kind:<16}{n:>7}{100 * r / n:>8.1f}%")
    print(f"{'all turns':<16}{turns:>7}{100 * right / turns:>8.1f}%")
    print(f"whole conversations right: {whole}/{len(conversations)}")
    print(f"did-you-mean offered on turns without a title: {nontitle_clarify} (goal 0)")
    if verbose:
        print("misses:\n" + "\n".join(misses))
    print(Counter(m.split(": ", 1)[1].split(" ")[0] for m in misses).most_common(6))


async def main_async(files: list[Path], verbose: bool) -> None:
    core = await careerbot_async()
    try:
        for path in files:
            if path.is_file():
                await score(core, path, verbose)
                print()
    finally:
        # The evaluation's chats are not kept: nothing of them is written to the database.
        core.store.conversations.discard_pending()
        await core.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", action="store_true", help="list the turns that went wrong")
    parser.add_argument("--file", type=Path, action="append", help="score this set instead")
    args = parser.parse_args()
    asyncio.run(main_async(args.file or SETS, args.v))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
