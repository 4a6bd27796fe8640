"""Play the independent held-out conversations against real servers and print how well the bot heard them.

    .venv/bin/python scripts/conversation_report.py [--style sms] [--limit 20] [--show 15] [--workers 2]

Starts an action server and a Rasa server (devtools/stack.py, reference date 2021-10-15, the
trained model), says each turn of tests/heldout_conversations/*.yml through the `rest` channel as
the website does, reads the profile back from the tracker after each turn and compares it with the
turn's label. Prints, overall and by style:
- profile exact: turns after which every profile slot is the labelled one (a population is scored
  when the user stated it or the labelled place is found in the official index);
- written by a question or a hypothesis: turns whose only acts never write the profile and after
  which a profile slot changed;
- same reply twice: turns whose reply is word for word the previous one;
- question turns not answered: turns labelled `question` whose reply is neither an answer nor the
  honest sentence (devtools/reply_checks.py reads what the bot sent), and what they got instead;
- summaries: for each conversation that ends with a booking, the summary stored for the advisors
  compared with the profile the conversation confirmed (its last turn's label) and the calls told;
- dialogue acts: turns whose acts (`dialogue_acts` of the turn's own message, as read, even when a
  message not understood was then reverted) are exactly the labelled ones, and each act's precision
  and recall; for the answers missed and the answers read where none is labelled, what the bot had
  really asked (its form's slot, or what its last words asked, else the opening of its last message)
  beside the label's question: a label written for another order of questions shows there;
- the errors by slot, and the first --show wrong turns.
Writes the details to results/conversations.json. A few minutes (about 0.5 s a turn).
"""
from __future__ import annotations

import json
import sys
import tempfile
import urllib.request
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.conversation_set import (  # noqa: E402
    READ_ONLY_ACTS,
    SET_DIR,
    act_scores,
    differences,
    expected_slots,
    load,
)
from devtools.reply_checks import UNANSWERED, reply_kind, summary_mismatches  # noqa: E402
from devtools.stack import ROOT, action_server, rasa_server  # noqa: E402
from orientation.booking.store import BookingStore  # noqa: E402
from orientation.cli import FrenchParser  # noqa: E402
from orientation.language.answer_act import asked_by_bot  # noqa: E402
from orientation.territories.index import load_index  # noqa: E402

SLOTS = ("applicant_type", "population", "departement_count", "budget", "project_nature")


def post(url: str, payload: Dict[str, Any]) -> Any:
    request = urllib.request.Request(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def play(port: int, conversation, index) -> List[Dict[str, Any]]:
    """Each turn of one conversation: what was said, the reply, the slots after it, and the verdicts."""
    base = f"http://127.0.0.1:{port}"
    sender = f"heldout-{conversation.id}-{uuid.uuid4().hex[:6]}"
    rows, before, previous_reply = [], {slot: None for slot in SLOTS}, None
    asked = None  # what the bot really asked before the turn, as the server reads it
    for number, turn in enumerate(conversation.turns, 1):
        replies = post(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": turn.user})
        messages = [r.get("text") or "" for r in replies]
        reply = "\n".join(messages).strip()
        tracker = get(f"{base}/conversations/{sender}/tracker")
        slots = {slot: tracker["slots"].get(slot) for slot in SLOTS}
        expected, scorable = expected_slots(turn.profile, index)
        wrong = differences(expected, slots, population_scored=scorable)
        read_only = bool(turn.acts) and set(turn.acts) <= READ_ONLY_ACTS
        # the message just said, as read: a message not understood is reverted (actions/fallback.py), so the
        # tracker's latest_message is then the one before; its user event keeps what was read of it
        said = [e for e in tracker.get("events") or [] if e.get("event") == "user"]
        latest = (said[-1].get("parse_data") if said else None) or tracker.get("latest_message") or {}
        rows.append({
            "conversation": conversation.id, "style": conversation.style, "turn": number, "user": turn.user,
            "acts": turn.acts, "acts_read": latest.get("dialogue_acts") or [], "bot_asked": turn.bot_asked,
            "asked_read": asked,
            "intent": latest.get("intent", {}).get("name"),
            "reply": reply, "reply_kind": reply_kind(messages) if "question" in turn.acts else None,
            "booking_reference": tracker["slots"].get("booking_reference"),
            "recommended_calls": tracker["slots"].get("recommended_calls") or [],
            "slots": slots, "expected": expected, "population_scored": scorable, "wrong": wrong,
            "written_by_read_only": read_only and slots != before,
            "same_reply_twice": bool(reply) and reply == previous_reply,
        })
        before, previous_reply = slots, reply
        loop = (tracker.get("active_loop") or {}).get("name")
        asked = tracker["slots"].get("requested_slot") if loop else None
        asked = asked or next((asked_by_bot(m) for m in reversed(messages) if m.strip()), None)
        if asked in (None, "yes_no"):  # no profile question: which reply of the bot it was, by its opening
            asked = f"{asked or 'nothing'} after « {next((m[:45] for m in reversed(messages) if m.strip()), '')} »"
    return rows


def summary(rows: List[Dict[str, Any]]) -> List[str]:
    lines = []
    groups = {"all": rows, **{style: [r for r in rows if r["style"] == style] for style in ("sms", "mixed", "plain")}}
    lines.append(f"{'':<8}{'turns':>7}{'profile exact':>15}{'read-only wrote':>17}{'same reply':>12}{'acts exact':>12}"
                 f"{'questions':>11}{'unanswered':>12}")
    for name, group in groups.items():
        if not group:
            continue
        exact = sum(not r["wrong"] for r in group) / len(group)
        acts_exact, _ = act_scores((r["acts"], r["acts_read"]) for r in group)
        lines.append(f"{name:<8}{len(group):>7}{exact:>15.3f}{sum(r['written_by_read_only'] for r in group):>17}"
                     f"{sum(r['same_reply_twice'] for r in group):>12}{acts_exact:>12.3f}"
                     f"{sum(r['reply_kind'] is not None for r in group):>11}"
                     f"{sum(r['reply_kind'] in UNANSWERED for r in group):>12}")
    # « greet » is not among the acts, and one author labels « bjr, … » as a description only
    aside = act_scores(([a for a in r["acts"] if a != "greet"], [a for a in r["acts_read"] if a != "greet"])
                       for r in rows)[0]
    lines.append(f"acts exact with greetings aside: {aside:.3f}")
    kinds = Counter(r["reply_kind"] for r in rows if r["reply_kind"] is not None)
    lines.append("replies to question turns: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    by_intent = Counter((r["intent"], r["reply_kind"]) for r in rows if r["reply_kind"] in UNANSWERED)
    lines.append("unanswered questions, by intent read and reply: " + ", ".join(
        f"{intent} → {kind} {n}" for (intent, kind), n in by_intent.most_common(12)))
    _, per_act = act_scores((r["acts"], r["acts_read"]) for r in rows)
    lines.append("dialogue acts (precision, recall, labelled turns): " + ", ".join(
        f"{act} {p:.2f}/{r:.2f}/{n}" for act, (p, r, n) in per_act.items()))
    confusions = Counter(("+".join(sorted(r["acts"])), "+".join(sorted(r["acts_read"])) or "-") for r in rows
                         if set(r["acts"]) != set(r["acts_read"]))
    answers = defaultdict(Counter)
    for r in rows:
        if "answer" in r["acts"]:
            answers[r.get("bot_asked") or "-"]["answer" in r["acts_read"]] += 1
    lines.append("answers read as such, by what the bot had asked: " + ", ".join(
        f"{asked} {c[True]}/{c[True] + c[False]}" for asked, c in sorted(answers.items(), key=lambda i: -sum(i[1].values()))))
    missed = Counter((r.get("bot_asked") or "-", r.get("asked_read") or "-", "+".join(sorted(r["acts_read"])) or "-")
                     for r in rows if "answer" in r["acts"] and "answer" not in r["acts_read"])
    lines.append("answers not read as such, labelled question / the bot's real question → acts read: " + ", ".join(
        f"{want} / {asked} → {got} {n}" for (want, asked, got), n in missed.most_common(15)))
    extra = Counter((r.get("asked_read") or "-", "+".join(sorted(r["acts"]))) for r in rows
                    if "answer" in r["acts_read"] and "answer" not in r["acts"])
    lines.append("answers read where none is labelled, the bot's real question / acts labelled: " + ", ".join(
        f"{asked} / {want} {n}" for (asked, want), n in extra.most_common(10)))
    lines.append("acts labelled → read, most frequent confusions: " + ", ".join(
        f"{want} → {got} {n}" for (want, got), n in confusions.most_common(15)))
    by_slot = Counter(w.split(":")[0] for r in rows for w in r["wrong"])
    lines.append("errors by slot: " + ", ".join(f"{slot} {n}" for slot, n in by_slot.most_common()))
    unscored = sum(not r["population_scored"] for r in rows)
    lines.append(f"turns whose population is not scored (place not found in the official index): {unscored}")
    acts = defaultdict(Counter)
    for r in rows:
        acts["+".join(sorted(r["acts"]))][r["intent"]] += 1
    lines.append("intent read, by labelled acts:")
    for act, intents in sorted(acts.items(), key=lambda item: -sum(item[1].values())):
        lines.append(f"  {act:<28} " + ", ".join(f"{i} {n}" for i, n in intents.most_common(4)))
    return lines


def booked_summaries(played: List[List[Dict[str, Any]]], store: BookingStore) -> Dict[str, Any]:
    """Each conversation that ends with a booking: its stored summary against the profile its last turn
    confirmed and the calls it was told (the tracker's recommended calls)."""
    booked, wrong = 0, Counter()
    for rows in played:
        last = rows[-1] if rows else None
        booking = store.by_reference(last["booking_reference"]) if last and last["booking_reference"] else None
        if booking is None:
            continue
        booked += 1
        found = summary_mismatches(booking.summary, last["expected"], last["recommended_calls"],
                                   last["population_scored"])
        wrong.update(found)
        wrong["conversations"] += bool(found)
    return {"booked": booked, "mismatches": wrong}


def main(argv=None) -> int:
    parser = FrenchParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=SET_DIR, help="le dossier des conversations (tests/heldout_conversations)")
    parser.add_argument("--style", choices=("sms", "mixed", "plain"), help="ces conversations seulement")
    parser.add_argument("--limit", type=int, help="les N premières conversations seulement")
    parser.add_argument("--show", type=int, default=15, help="combien de tours faux montrer (15)")
    parser.add_argument("--workers", type=int, default=2, help="conversations jouées en même temps (2)")
    args = parser.parse_args(argv)
    conversations = [c for c in load(args.set) if not args.style or c.style == args.style][:args.limit]
    if not conversations:
        print("Aucune conversation dans tests/heldout_conversations/.", file=sys.stderr)
        return 1
    index = load_index()
    with tempfile.TemporaryDirectory(prefix="conversation-report-") as tmp:
        logs = Path(tmp)
        env = {"ORIENTATION_DATABASE_URL": f"sqlite:///{logs / 'report.db'}"}
        with action_server(logs, env) as action_port, \
                rasa_server(logs, action_port, extra_args=("--enable-api",), env=env) as port, ThreadPoolExecutor(args.workers) as pool:
            played = list(pool.map(lambda c: play(port, c, index), conversations))
        store = BookingStore(env["ORIENTATION_DATABASE_URL"])
        summaries = booked_summaries(played, store)
        store.close()
    rows = [row for conversation in played for row in conversation]
    print(f"{len(conversations)} conversations, {len(rows)} turns")
    print("\n".join(summary(rows)))
    mismatches = summaries["mismatches"]
    print(f"booked conversations: {summaries['booked']}, summary not matching the confirmed profile: "
          f"{mismatches.pop('conversations', 0)}" + (" (" + ", ".join(f"{field} {n}" for field, n in mismatches.most_common())
                                                     + ")" if mismatches else ""))
    wrong = [r for r in rows if r["wrong"] or r["written_by_read_only"]]
    for r in wrong[:args.show]:
        print(f"\n[{r['conversation']} #{r['turn']} {r['style']} {'+'.join(r['acts'])} → {r['intent']} "
              f"{'+'.join(r['acts_read'])}] {r['user']}")
        for difference in r["wrong"]:
            print(f"    {difference}")
    out = ROOT / "results" / "conversations.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\ndetails: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
