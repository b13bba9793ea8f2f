"""The claims guard as tasks use it: the current rules, a streaming checker, and the steering facts.

Rules are reloaded whenever a rule file is added, edited or removed, so a user's new file in
<config>/guard takes effect on the next sentence without a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from app.core.events import FixedAnswer, GuardHit
from app.llm.prompts import TaskPrompt
from app.store.guard_log import GuardRecord, append_records, read_records
from app.store.guard_rules import LoadedRules, load_rules, rule_dirs, rule_files, signature, user_dir
from app.text.guard import ClaimGuard, GuardFinding
from app.text.sentences import SentenceStream, split_sentences

_FACTS_HEADING = "다음 사실을 반드시 지키세요(틀리게 쓰지 마세요):"

_lock = threading.Lock()
_cache: dict[tuple[Path, ...], tuple[tuple[tuple[str, int, int], ...], ClaimGuard, LoadedRules]] = {}


def current_guard(dirs: Sequence[Path] | None = None) -> ClaimGuard:
    return _current(dirs)[0]


def current_problems(dirs: Sequence[Path] | None = None) -> LoadedRules:
    """The loaded rules and the files that could not be used (for a notice or `baro guard`)."""
    return _current(dirs)[1]


def _current(dirs: Sequence[Path] | None) -> tuple[ClaimGuard, LoadedRules]:
    key = tuple(rule_dirs() if dirs is None else dirs)
    stamp = signature(key)
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached[0] != stamp:
            loaded = load_rules(key)
            cached = (stamp, ClaimGuard(loaded.rules), loaded)
            _cache[key] = cached
        return cached[1], cached[2]


def user_rules_folder() -> Path:
    """Where a user's own rule files (*.toml) go."""
    return user_dir()


def rule_folders(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Baro's and the user's rule folders, then ``extra`` ones (`baro guard --rules`)."""
    return (*rule_dirs(), *extra)


def holds_rules(folder: Path) -> bool:
    """True when ``folder`` has rule files (*.toml) to load."""
    return bool(rule_files([folder]))


def recent_hits(limit: int) -> list[GuardRecord]:
    """The last ``limit`` flagged generated sentences from the guard's log, oldest first."""
    return read_records()[-limit:]


def hit_for(finding: GuardFinding) -> GuardHit:
    return GuardHit(finding.sentence, finding.rule.id, finding.rule.topic, finding.rule.correction)


def fixed_answer(question: str, guard: ClaimGuard | None = None) -> FixedAnswer | None:
    """Baro's fixed answer when ``question`` asks a guarded topic itself (a rule's subject and question form)."""
    rule = (guard or current_guard()).rule_asked(question)
    if rule is None:
        return None
    return FixedAnswer(rule.id, rule.topic, rule.correction, rule.source)


def check_sentence(sentence: str, guard: ClaimGuard | None = None) -> list[GuardHit]:
    return [hit_for(f) for f in (guard or current_guard()).check(sentence)]


def check_text(text: str, guard: ClaimGuard | None = None) -> list[GuardHit]:
    """Hits for every sentence of ``text`` (exports and whole answers)."""
    guard = guard or current_guard()
    if not guard.rules_about(text):
        return []
    return [hit for s in split_sentences(text) for hit in check_sentence(s.text, guard)]


def guard_facts_for(text: str, guard: ClaimGuard | None = None) -> str:
    """The facts to steer the model with when ``text`` touches a guarded topic ("" when it does not)."""
    facts = (guard or current_guard()).facts_for(text)
    return f"{_FACTS_HEADING}\n{facts}" if facts else ""


def with_guard_facts(prompt: TaskPrompt, guard: ClaimGuard | None = None) -> TaskPrompt:
    facts = guard_facts_for(f"{prompt.content}\n{prompt.instruction}", guard)
    if not facts or facts in prompt.system:
        return prompt
    system = f"{prompt.system}\n\n{facts}" if prompt.system else facts
    return TaskPrompt(system, prompt.content, prompt.instruction, prompt.cue, prompt.stop)


class StreamingGuard:
    """Feed tokens; get a ``GuardHit`` for each flagged sentence as soon as it is complete.

    Only the unchecked tail of the text is split into sentences, and a tail that mentions no guarded topic
    is skipped without morphological analysis, so the cost stays far below generation time.
    """

    def __init__(self, guard: ClaimGuard | None = None, *, task: str = "", log: bool = True) -> None:
        self._guard = guard
        self._task = task
        self._log = log
        self._stream = SentenceStream()
        self.hits: list[GuardHit] = []

    @property
    def guard(self) -> ClaimGuard:
        if self._guard is None:
            self._guard = current_guard()
        return self._guard

    def feed(self, token: str) -> list[GuardHit]:
        return self._check(final=False) if self._stream.feed(token) else []

    def finish(self) -> list[GuardHit]:
        return self._check(final=True)

    def _check(self, *, final: bool) -> list[GuardHit]:
        if not self.guard.rules_about(self._stream.pending):
            self._stream.skip(final=final)
            return []
        fresh: list[GuardHit] = []
        for sentence in self._stream.take(final=final):
            fresh += check_sentence(sentence.text, self.guard)
        self.hits += fresh
        if fresh and self._log:
            append_records(GuardRecord(h.sentence, h.rule_id, h.topic, self._task) for h in fresh)
        return fresh
