"""The reflect commands: non-interactive through --answers, and one interactive run driven
through a pseudo-terminal (killed mid-flow, then resumed)."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import time

import pytest

from afterword.cli.app import main
from journal_helpers import PASS, PYTHON, subprocess_env
from test_domain_flows import FULL


@pytest.fixture
def journal(tmp_path, monkeypatch):
    path = tmp_path / "j.afw"
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", PASS)
    assert call(["--journal", str(path), "init"])[0] == 0
    return path


def call(argv):
    """Run the CLI in-process: (exit code, stdout, stderr) via capsys-free capture."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def answers_file(tmp_path, data, name="answers.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def reflect(journal, *args):
    return call(["--journal", str(journal), "reflect", *args])


def consensual(**extra):
    answers = dict(FULL)
    answers["thought.traps#0"] = {"confirmed": []}  # whatever the model suggests, none fit
    answers.update(extra)
    return answers


def test_a_whole_reflection_from_an_answers_file(journal, tmp_path):
    code, out, err = reflect(journal, "--answers",
                             answers_file(tmp_path, {"format": 1, "answers": consensual()}))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["status"] == "completed"
    assert summary["track"] == "reflection"
    assert summary["next_step"] is None
    assert {"kind": "effect", "effect": "boundary", "key": "boundary"} in summary["events"]
    code, out, _ = call(["--journal", str(journal), "boundaries", "--json"])
    data = json.loads(out)
    assert data["boundaries"][0]["text"] == FULL["boundary"]
    assert data["boundaries"][0]["origin"]["kind"] == "reflection"


@pytest.mark.parametrize("consent", ["no", "not_sure"])
def test_consent_no_goes_to_the_support_path(journal, tmp_path, consent):
    data = {"answers": {"consent": consent, "survivor.grounding": "yes", "survivor.options": [],
                        "survivor.write": "", "survivor.needs": ""}}
    code, out, err = reflect(journal, "--answers", answers_file(tmp_path, data))
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["track"], summary["status"]) == ("survivor", "completed")


def test_a_partial_file_saves_and_a_second_file_carries_on(journal, tmp_path):
    first = {"answers": {"consent": "yes", "happened": "We met at a party."}}
    code, out, err = reflect(journal, "--answers", answers_file(tmp_path, first))
    assert code == 0
    summary = json.loads(out)
    assert (summary["status"], summary["next_step"]) == ("active", "expect.hoped")
    assert "expect.hoped" in err
    code, out, _ = reflect(journal, "--answers",
                           answers_file(tmp_path, {"answers": consensual()}, "b.json"))
    again = json.loads(out)
    assert again["id"] == summary["id"] and again["status"] == "completed"


def test_revise_in_an_answers_file_re_evaluates_the_branch(journal, tmp_path):
    reflect(journal, "--answers", answers_file(tmp_path, {"answers": {"consent": "yes"}}))
    code, out, _ = reflect(journal, "--answers",
                           answers_file(tmp_path, {"revise": {"consent": "not_sure"}}, "r.json"))
    summary = json.loads(out)
    assert summary["track"] == "survivor"
    assert summary["next_step"] == "survivor.intro" or summary["next_step"].startswith("survivor")


def test_a_crisis_in_a_script_stops_there_and_shows_resources_at_once(journal, tmp_path):
    data = {"answers": {"consent": "yes", "happened": "I want to end my life.",
                        "expect.hoped": "x"}}
    code, out, err = reflect(journal, "--answers", answers_file(tmp_path, data))
    assert code == 0
    summary = json.loads(out)
    assert summary["next_step"] == "crisis.checkin"
    assert {"kind": "crisis", "trigger": "detector"} in summary["events"]
    assert "988" in err  # the default locale is US


def test_help_in_an_answers_file_opens_the_crisis_path(journal, tmp_path):
    data = {"help": True, "answers": {"crisis.checkin": "okay"}}
    code, out, _ = reflect(journal, "--answers", answers_file(tmp_path, data))
    summary = json.loads(out)
    assert {"kind": "crisis_closed", "trigger": "help", "response": "okay"} in summary["events"]
    assert summary["next_step"] == "consent"


@pytest.mark.parametrize(("content", "needle"), [
    ("not json {", "not valid JSON"),
    ("[1, 2]", "one JSON object"),
    ('{"format": 2}', "unsupported format"),
    ('{"answer": {}}', "unknown field"),
    ('{"answers": []}', "'answers' must be an object"),
    ('{"flow": "crisis"}', "unknown flow"),
])
def test_bad_answers_files_are_invalid_input(journal, tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = reflect(journal, "--answers", str(path))
    assert code == 7
    assert needle in err


def test_a_bad_answer_names_the_step_not_the_text(journal, tmp_path):
    data = {"answers": {"consent": "yes", "happened": "fine", "expect.hoped": "fine",
                        "expect.signalled": "fine", "expect.agreed": "", "expect.gap": "fine",
                        "felt.words": ["numb"], "felt.intensity": "eleven-ish-secret"}}
    code, _, err = reflect(journal, "--answers", answers_file(tmp_path, data))
    assert code == 7
    assert "felt.intensity" in err and "eleven-ish-secret" not in err


def test_missing_answers_file_and_unknown_episode(journal, tmp_path):
    assert reflect(journal, "--answers", str(tmp_path / "nope.json"))[0] == 7
    assert reflect(journal, "No such episode")[0] == 8
    assert reflect(journal, "--run", "42")[0] == 8


def test_wrong_passphrase_and_missing_journal(tmp_path, monkeypatch, journal):
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", "wrong wrong wrong")
    assert reflect(journal, "--list")[0] == 3
    assert call(["--journal", str(tmp_path / "none.afw"), "reflect", "--list"])[0] == 5


def test_list_runs_and_cards(journal, tmp_path):
    reflect(journal, "--answers", answers_file(tmp_path, {"answers": {"consent": "yes"}}))
    code, out, _ = reflect(journal, "--list", "--json")
    assert json.loads(out)[0]["status"] == "active"
    code, out, _ = reflect(journal, "--card", "consent")
    assert "withdrawn" in out
    code, out, _ = reflect(journal, "--card", "all")
    assert out.count("\n\n") >= 5
    assert reflect(journal, "--card", "nope")[0] == 8


def test_partner_check_prints_prompts_and_never_a_verdict(journal, tmp_path):
    call(["--journal", str(journal), "boundaries", "--add", "We talk first.", "--pillar",
          "honesty"])
    answers = {f"partner.q.{q}": "yes" for q in (
        "safe_around", "can_say_no", "interest_in_you", "follow_through", "words_match_actions",
        "both_matter", "time_beyond_closeness", "accepts_no", "asks_first")}
    answers |= {"partner.q.said_out_loud": "no", "partner.signs": ["secret"],
                "partner.notes": ""}
    code, out, err = call(["--journal", str(journal), "check", "Alex", "--answers",
                           answers_file(tmp_path, {"answers": answers})])
    assert code == 0, err
    assert "We talk first." in out
    assert "say out loud" in out.lower() or "said out loud" in out.lower()
    assert "not a verdict" in out
    from afterword.messages import msg

    lowered = out.lower().replace(msg("reflect.cli.check_not_verdict").lower(), "")
    for word in ("score", "verdict:", "go ahead", "red light", "green light", "safe to"):
        assert word not in lowered
    code, out, _ = call(["--journal", str(journal), "check", "alex", "--history", "--json"])
    checks = json.loads(out)["checks"]
    assert len(checks) == 1
    assert "score" not in json.dumps(checks)


def test_safety_plan_from_a_file_then_shown(journal, tmp_path):
    code, out, _ = call(["--journal", str(journal), "safety-plan"])
    assert "empty" in out
    data = {"answers": {"plan.warning_signs": ["not sleeping"], "plan.coping": ["a walk"],
                        "plan.people_places": [], "plan.people_help": ["Jo 555 0100"],
                        "plan.professionals": [], "plan.safer_surroundings": []}}
    code, out, err = call(["--journal", str(journal), "safety-plan", "--answers",
                           answers_file(tmp_path, data)])
    assert code == 0, err
    assert "not sleeping" in out and "988" in out
    code, out, _ = call(["--journal", str(journal), "safety-plan", "--json"])
    assert json.loads(out)["sections"]["people_help"] == ["Jo 555 0100"]


def test_resources_need_no_passphrase_and_show_when_checked(tmp_path, monkeypatch):
    monkeypatch.delenv("AFTERWORD_PASSPHRASE", raising=False)
    code, out, _ = call(["resources", "--locale", "UK"])
    assert code == 0
    assert "116 123" in out and "Checked on" in out
    code, out, _ = call(["resources", "--locale", "AU", "--json"])
    data = json.loads(out)
    assert data["locale"] == "AU"
    assert all(r["last_verified"] for r in data["resources"])
    assert {r["locale"] for r in data["resources"]} == {"AU", "INT"}
    code, out, err = call(["resources", "--locale", "XX"])
    assert code == 0 and "findahelpline.com" in out and "XX" in err


def test_own_resources(journal):
    code, _, err = call(["--journal", str(journal), "resources", "--add", "My GP",
                         "--contact", "555 0199"])
    assert code == 0, err
    code, out, _ = call(["--journal", str(journal), "resources", "--mine", "--json"])
    assert json.loads(out)["resources"][0]["name"] == "My GP"
    assert call(["--journal", str(journal), "resources", "--add", "X"])[0] == 7


def test_boundaries_commands(journal):
    j = ["--journal", str(journal), "boundaries"]
    assert call([*j, "--add", "I leave when pressured.", "--pillar", "safety"])[0] == 0
    assert call([*j, "--edit", "1", "--to", "I leave when pressured, no reason needed."])[0] == 0
    assert call([*j, "--retire", "1"])[0] == 0
    code, out, _ = call([*j, "--history"])
    assert "(retired)" in out and "edited" in out
    assert call([*j, "--reactivate", "1", "--weight", "safety=5"])[0] == 0
    data = json.loads(call([*j, "--json"])[1])
    assert data["weights"]["safety"] == 5 and data["boundaries"][0]["status"] == "active"
    assert call([*j, "--weight", "safety=9"])[0] == 7
    assert call([*j, "--weight", "safety"])[0] == 7
    assert call([*j, "--weight", "kindness=2"])[0] == 7
    assert call([*j, "--edit", "1"])[0] == 7
    assert call([*j, "--edit", "99", "--to", "x"])[0] == 8
    assert call([*j, "--add", "  "])[0] == 7


# --- one interactive run through a pseudo-terminal -------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


class Terminal:
    def __init__(self, argv, env):
        import pty

        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     close_fds=True, start_new_session=True)
        os.close(slave)
        self.seen = ""

    def expect(self, text, timeout=90.0):
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and not self._ready(0.1):
                raise AssertionError(f"never saw {text!r}; tail: {self.seen[-600:]!r}")
            if self._ready(min(left, 0.5)):
                try:
                    chunk = os.read(self.master, 4096).decode("utf-8", "replace")
                except OSError:
                    chunk = ""
                self.seen += ANSI.sub("", chunk).replace("\r", "")
        found = self.seen
        self.seen = self.seen[self.seen.index(text) + len(text):]
        return found

    def _ready(self, timeout):
        return bool(select.select([self.master], [], [], timeout)[0])

    def send(self, line):
        os.write(self.master, (line + "\n").encode())

    def kill(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)


def test_interactive_run_in_a_terminal_killed_mid_flow_then_resumed(journal, tmp_path):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    argv = [PYTHON, "-m", "afterword", "--journal", str(journal), "--passphrase-file",
            str(secret), "reflect"]
    env = subprocess_env(AFTERWORD_HOME=str(tmp_path / "home"), COLUMNS="200")
    env.pop("AFTERWORD_PASSPHRASE", None)
    term = Terminal(argv, env)
    try:
        term.expect("Was everything that happened")
        term.expect("Choose a number: ")
        term.send("1")
        term.expect("what happened?")
        term.expect("> ")
        term.send("We met at a party and went home together.")
        term.expect("What did you hope for")
        term.expect("> ")
        term.send("help")  # asking for help opens the crisis check at once
        term.expect("How safe are you right now?")
        screen = term.expect("Choose a number: ")
        assert "988" in screen  # resources shown with the check-in, at once
        term.send("3")  # "No, I'm okay" is respected ...
        term.expect("check in again another time")
        term.expect("Press Enter to continue.")
        term.send("")
        term.expect("What did you hope for")  # ... and we are back where we were
        term.expect("> ")
        term.send("That it meant something.")
        term.expect("What did they say or do")
        term.expect("> ")
        term.send("back")
        screen = term.expect("> ")
        assert "Your answer before: That it meant something." in screen
        term.send("")  # Enter keeps it
        term.expect("What did they say or do")
        term.expect("> ")
    finally:
        term.kill()  # a hard kill mid-flow: no chance to save anything more

    # The next session starts with a gentle re-check (the earlier "I'm okay" was not forever).
    code, out, err = reflect(journal, "--answers",
                             answers_file(tmp_path, {"answers": consensual()}))
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["status"], summary["next_step"]) == ("active", "crisis.checkin")
    assert {"kind": "crisis", "trigger": "recheck"} in summary["events"]
    code, out, err = reflect(journal, "--answers", answers_file(
        tmp_path, {"answers": consensual(**{"crisis.checkin": "okay"})}, "b.json"))
    summary = json.loads(out)
    assert summary["status"] == "completed"
    from afterword.services.reflect import ReflectService
    from journal_helpers import services

    with services(journal).vault.unlock(PASS) as unlocked:
        run = ReflectService(unlocked).get(summary["id"])
    assert run.state.answers["happened"] == "We met at a party and went home together."
    assert run.state.answers["expect.hoped"] == "That it meant something."  # from the terminal
    assert run.state.crisis_log == [{"trigger": "help", "response": "okay"},
                                    {"trigger": "recheck", "response": "okay"}]


# --- the interactive runner with a scripted IO (in-process) -----------------------------------


class ScriptIO:
    """Answers prompts from a list; what was said is kept for assertions."""

    def __init__(self, lines):
        self.lines = list(lines)
        self.said = []

    def say(self, text):
        self.said.append(text)

    def ask(self, prompt):
        self.said.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


@pytest.fixture
def reflect_svc(tmp_path):
    from afterword.services.reflect import ReflectService
    from journal_helpers import FakeClock, services
    from test_domain_flows import DETECTOR

    path = tmp_path / "r.afw"
    svc = services(path, FakeClock())
    svc.vault.create(PASS)
    with svc.vault.unlock(PASS) as unlocked:
        yield ReflectService(unlocked, detector=DETECTOR)


def test_runner_handles_back_bad_input_lists_traps_and_pause(reflect_svc):
    from afterword.cli.runner import Runner

    io = ScriptIO([
        "back",  # nothing before the first question
        "7", "1",  # a choice out of range, then "yes"
        "Went home together.", "Hoped for more.", "Said he liked me.", "", "The gap.",
        "empty", "used", "",  # a list, ended by an empty line
        "eleven", "6",  # a bad scale answer, then a good one
        "",  # keep the suggested echoing question (none here: empty list is fine)
        "",  # no heavy thoughts
        "pause",
    ])
    outcome = Runner(reflect_svc, io, "UK").run(reflect_svc.open_reflection())
    said = "\n".join(io.said)
    assert "nothing before it" in said
    assert "That did not fit" in said
    assert outcome.run.state.answers["felt.words"] == ["empty", "used"]
    assert outcome.run.state.answers["felt.intensity"] == 6
    assert "reflect --run" in said  # paused, with how to come back
    assert outcome.view.key == "pillar.status#safety"


def test_runner_support_word_opens_the_survivor_path_with_resources(reflect_svc):
    from afterword.cli.runner import Runner

    io = ScriptIO(["1", "support", "", "1", "", "", "", "", "2,4", "", "", "", "", ""])
    outcome = Runner(reflect_svc, io, "UK").run(reflect_svc.open_reflection())
    said = "\n".join(io.said)
    assert "not your fault" in said
    assert "0808 500 2222" in said  # Rape Crisis England & Wales, for the UK
    assert outcome.run.track == "survivor"
    assert outcome.run.state.answers["survivor.options"] == ["hotlines", "reporting"]


def test_runner_shows_traps_with_evidence_and_socratic_questions(reflect_svc):
    from afterword.cli.runner import Runner

    outcome = reflect_svc.open_reflection()
    run_id = outcome.run.id
    for key in ("consent", "happened", "expect.hoped", "expect.signalled", "expect.agreed",
                "expect.gap", "felt.words", "felt.intensity", "echo.questions"):
        value = FULL[key] if key != "echo.questions" else []
        outcome = reflect_svc.answer(run_id, key, value)
    outcome = reflect_svc.answer(run_id, "thoughts", ["He laughs about me. I'm worthless."])
    io = ScriptIO(["80", "7", "2", "Maybe he does not think of me at all.", "I matter.",
                   "50", "4", "pause"])
    outcome = Runner(reflect_svc, io, "US").run(outcome)
    said = "\n".join(io.said)
    assert "Mind reading, because of" in said and "Labelling" in said
    assert "  - What do you know for sure about what they think?" in io.said  # Socratic
    traps = outcome.run.state.answers["thought.traps#0"]
    assert traps == {"confirmed": ["mind_reading"], "rejected": ["labeling"]}
    assert outcome.run.state.answers["thought.belief_after#0"] == 50


@pytest.mark.parametrize("name", ["reflect", "boundaries", "check", "safety-plan", "resources"])
def test_every_reflect_command_and_option_is_documented(name):
    from pathlib import Path

    import typer.main

    from afterword.cli.app import app

    doc = (Path(__file__).resolve().parents[1] / "docs" / "reflection.md").read_text("utf-8")
    assert f"`afterword {name}" in doc
    command = typer.main.get_command(app).commands[name]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in doc, f"{opt} of {name} is not in docs/reflection.md"


def test_revise_a_finished_reflection_from_the_command_line(journal, tmp_path):
    code, out, _ = reflect(journal, "--answers",
                           answers_file(tmp_path, {"answers": consensual()}))
    run_id = json.loads(out)["id"]
    data = {"answers": {"boundary": "I say what I want first."}}
    code, out, err = reflect(journal, "--run", str(run_id), "--revise", "boundary", "--answers",
                             answers_file(tmp_path, data, "r.json"))
    assert code == 0, err
    assert json.loads(out)["status"] == "completed"
    assert json.loads(out)["next_step"] is None
    code, out, _ = call(["--journal", str(journal), "boundaries", "--json"])
    [boundary] = json.loads(out)["boundaries"]
    assert boundary["text"] == "I say what I want first."
    assert [h["action"] for h in boundary["history"]] == ["created", "edited"]
    assert reflect(journal, "--run", str(run_id), "--revise", "no.such.step")[0] == 7


def test_editing_the_safety_plan_keeps_sections_left_empty(reflect_svc):
    from afterword.cli.runner import Runner

    reflect_svc.safety.save_plan({"coping": ["a walk"], "people_help": ["Jo"]})
    io = ScriptIO(["", "not sleeping", "", "", "", "", "", "", ""])
    Runner(reflect_svc, io, "US").run(reflect_svc.start("safety_plan"))
    plan = reflect_svc.safety.plan()
    assert plan.items("warning_signs") == ("not sleeping",)
    assert plan.items("coping") == ("a walk",) and plan.items("people_help") == ("Jo",)


def test_check_after_write_runs_the_crisis_check_or_prints_resources(reflect_svc, capsys):
    from afterword.cli.support import check_after_write

    unlocked = reflect_svc._unlocked
    calm = unlocked.journal.write("A quiet day.")
    check_after_write(unlocked, calm.id, "US", io=ScriptIO([]))
    risky = unlocked.journal.write("I want to kill myself.")
    io = ScriptIO(["3", ""])
    check_after_write(unlocked, risky.id, "UK", io=io)
    said = "\n".join(io.said)
    assert "116 123" in said and "check in again another time" in said
    check_after_write(unlocked, risky.id, "AU")  # no terminal: resources on stderr
    err = capsys.readouterr().err
    assert "13 11 14" in err and "reflect --run" in err
