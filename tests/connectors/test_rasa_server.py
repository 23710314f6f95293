"""The Rasa launcher: token and interface from the environment, never arguments."""

import pytest

from connectors.rasa_server import LauncherError, main, rasa_run_argv

ARGS = ["--model", "models/hygie.tar.gz", "--enable-api", "--port", "5005"]


def test_the_token_and_localhost_are_added_to_rasa_run():
    argv = rasa_run_argv(ARGS, {"RASA_AUTH_TOKEN": " s3cret\n"})
    assert argv == ["rasa", "run", *ARGS, "--interface=127.0.0.1", "--auth-token=s3cret"]


def test_the_interface_comes_from_rasa_interface():
    argv = rasa_run_argv(ARGS, {"RASA_AUTH_TOKEN": "t", "RASA_INTERFACE": "0.0.0.0"})
    assert argv[-2] == "--interface=0.0.0.0"


def test_a_token_starting_with_a_dash_is_read_by_rasa_as_the_token():
    from rasa.__main__ import create_argument_parser

    argv = rasa_run_argv(ARGS, {"RASA_AUTH_TOKEN": "-Xq_9"})
    parsed = create_argument_parser().parse_args(argv[1:])
    assert (parsed.auth_token, parsed.interface, parsed.enable_api) == ("-Xq_9", "127.0.0.1", True)


@pytest.mark.parametrize("env", [{}, {"RASA_AUTH_TOKEN": "  "}])
def test_without_a_token_rasa_does_not_start(env):
    with pytest.raises(LauncherError, match="RASA_AUTH_TOKEN is not set"):
        rasa_run_argv(ARGS, env)


@pytest.mark.parametrize(
    "arg", ["--auth-token", "--auth-token=x", "--auth", "-i", "-i0.0.0.0", "--interface", "--inter=x"]
)
def test_a_token_or_interface_given_as_an_argument_is_refused(arg):
    with pytest.raises(LauncherError, match="not an argument"):
        rasa_run_argv([*ARGS, arg], {"RASA_AUTH_TOKEN": "t"})


def test_main_exits_with_a_message_and_no_rasa_run(monkeypatch):
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    with pytest.raises(SystemExit, match="RASA_AUTH_TOKEN is not set"):
        main(ARGS)
