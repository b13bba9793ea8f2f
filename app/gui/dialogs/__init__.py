"""Dialogs: 모델 관리 and 설정."""
