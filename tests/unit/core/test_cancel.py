import pytest

from app.core.cancel import CancelToken
from app.core.errors import Cancelled


def test_callbacks_run_once_on_cancel_and_at_once_when_late() -> None:
    token = CancelToken()
    calls: list[str] = []
    token.on_cancel(lambda: calls.append("early"))
    assert not token.cancelled
    token.cancel()
    token.cancel()
    token.on_cancel(lambda: calls.append("late"))
    assert calls == ["early", "late"]
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()
