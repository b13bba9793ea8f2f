"""Nothing leaves silently: before Baro first sends anything to a team server, the user sees what and where."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QTextEdit, QWidget

from app.core.errors import BaroError
from app.tasks.settings import update_settings
from app.tasks.team_server import WHAT_IS_SENT


def confirm_sending(parent: QWidget | None, host: str, preview: str = "") -> bool:
    """Ask once per server host; a yes is remembered (``engine_disclosed_host``). ``preview`` (the exact
    request of one example question) is behind 자세히 보기."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Disclosure", "Answers from an organisation server"))
    box.setText(QCoreApplication.translate("Disclosure", "Baro will send text to the server {host}.").format(host=host))
    box.setInformativeText(WHAT_IS_SENT)
    if preview:
        heading = QCoreApplication.translate("Disclosure", "What Baro sends for one question (an example):")
        box.setDetailedText(f"{heading}\n\n{preview}")
        details = box.findChild(QTextEdit)
        if details is not None:  # Qt's default is a few lines: a whole request should be readable
            details.setFixedSize(620, 300)
    agree = box.addButton(
        QCoreApplication.translate("Disclosure", "Send to this server"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("Disclosure", "Answer on this PC"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(agree)
    box.exec()
    if box.clickedButton() is not agree:
        return False
    with suppress(BaroError):  # a read-only settings file: asked again next time, which is the safe side
        update_settings({"engine_disclosed_host": host})
    return True
