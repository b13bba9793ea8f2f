"""Download a catalog model with the user's Hugging Face token from the keyring, if there is one."""

from __future__ import annotations

from app.core.cancel import CancelToken
from app.llm.catalog import CatalogModel
from app.llm.download import DownloadPaused, LoginRequired, ProgressFn
from app.llm.model_store import InstalledModel, ModelStore
from app.store.secrets import HF_TOKEN, NO_KEYRING_NOTICE, SecretStore

__all__ = ["DownloadPaused", "LoginRequired", "download_model"]


def download_model(
    store: ModelStore,
    entry: CatalogModel,
    *,
    secrets: SecretStore | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    repo: str | None = None,
) -> InstalledModel:
    """``store.download`` with the stored token; a gated model on a computer without a keyring says why.

    A stopped download raises ``DownloadPaused`` (the next call resumes it).
    """
    secrets = secrets or SecretStore()
    try:
        return store.download(entry, token=secrets.get(HF_TOKEN), progress=progress, cancel=cancel, repo=repo)
    except LoginRequired as err:
        if secrets.available:
            raise
        raise LoginRequired(
            f"{err.file}: 로그인이 필요한 모델입니다. {NO_KEYRING_NOTICE} 대신 브라우저로 모델 페이지에서 파일을 받은 뒤 "
            "모델 관리의 'GGUF 가져오기'(baro models import)로 추가할 수 있습니다.",
            file=err.file,
        ) from None
