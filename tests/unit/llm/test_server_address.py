import pytest

from app.core.errors import ServerError, ServerFault
from app.llm.server_address import is_loopback_host, parse_server_url


def test_an_https_address_keeps_its_port_and_loses_a_trailing_v1() -> None:
    address = parse_server_url("https://llm.example.co.kr:8443/v1/")
    assert address.url == "https://llm.example.co.kr:8443"
    assert address.host == "llm.example.co.kr" and address.encrypted and not address.is_loopback


def test_a_bare_host_means_https_and_a_path_prefix_stays() -> None:
    assert parse_server_url("llm.example.co.kr").url == "https://llm.example.co.kr"
    assert parse_server_url("https://gw.example.kr/team-llm/v1").url == "https://gw.example.kr/team-llm"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:11434/v1", "http://[::1]:9000"])
def test_plain_http_is_allowed_on_this_pc(url: str) -> None:
    address = parse_server_url(url)
    assert address.is_loopback and not address.encrypted


def test_plain_http_to_another_machine_needs_the_explicit_opt_in() -> None:
    with pytest.raises(ServerError) as refused:
        parse_server_url("http://10.0.0.5:8000")
    assert refused.value.fault is ServerFault.INSECURE
    assert "10.0.0.5" in refused.value.user_message and "https" in refused.value.user_message
    assert parse_server_url("http://10.0.0.5:8000", allow_insecure=True).url == "http://10.0.0.5:8000"


def test_the_admin_allow_list_refuses_other_hosts_even_on_loopback() -> None:
    allowed = ["LLM.example.co.kr"]
    assert parse_server_url("https://llm.example.co.kr", allowed_hosts=allowed).host == "llm.example.co.kr"
    with pytest.raises(ServerError) as refused:
        parse_server_url("http://127.0.0.1:8080", allowed_hosts=allowed)
    assert refused.value.fault is ServerFault.NOT_ALLOWED and "허용 목록" in refused.value.user_message


@pytest.mark.parametrize("url", ["", "ftp://llm.example.kr", "https://"])
def test_what_is_not_an_http_server_address_is_refused_in_korean(url: str) -> None:
    with pytest.raises(ServerError) as refused:
        parse_server_url(url)
    assert refused.value.fault is ServerFault.MALFORMED and "주소" in refused.value.user_message


def test_loopback_hosts() -> None:
    assert is_loopback_host("127.0.0.2") and is_loopback_host("localhost") and is_loopback_host("::1")
    assert not is_loopback_host("192.168.0.10") and not is_loopback_host("llm.example.kr")
