import pytest

from console.settings import ConfigurationError, ConsoleSettings


def test_defaults():
    settings = ConsoleSettings.from_env(
        {"RASA_AUTH_TOKEN": " t ", "DATABASE_URL": "sqlite:///x.db"}
    )
    assert (settings.auth_token, settings.database_url) == ("t", "sqlite:///x.db")
    assert (settings.host, settings.port, settings.rasa_url) == (
        "127.0.0.1", 8081, "http://127.0.0.1:5005",
    )
    assert settings.secure_cookie is False
    assert settings.session_lifetime.total_seconds() == 8 * 3600


def test_from_the_environment():
    settings = ConsoleSettings.from_env(
        {
            "RASA_AUTH_TOKEN": "t",
            "RASA_URL": "http://rasa:5005/",
            "HYGIE_CONSOLE_HOST": "0.0.0.0",
            "HYGIE_CONSOLE_PORT": "9000",
            "HYGIE_CONSOLE_SECURE_COOKIE": "1",
            "HYGIE_CONSOLE_TIMEOUT_SECONDS": "2.5",
        }
    )
    assert (settings.rasa_url, settings.host, settings.port) == (
        "http://rasa:5005", "0.0.0.0", 9000,
    )
    assert settings.secure_cookie and settings.request_timeout == 2.5


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"RASA_AUTH_TOKEN": "  "},
        {"RASA_AUTH_TOKEN": "t", "HYGIE_CONSOLE_PORT": "http"},
        {"RASA_AUTH_TOKEN": "t", "HYGIE_CONSOLE_PORT": "70000"},
        {"RASA_AUTH_TOKEN": "t", "HYGIE_CONSOLE_TIMEOUT_SECONDS": "0"},
    ],
)
def test_invalid_environments(env):
    with pytest.raises(ConfigurationError):
        ConsoleSettings.from_env(env)
