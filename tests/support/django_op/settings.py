"""Settings of the test OpenID provider (tests/support/django_op): loopback only, its sqlite
database and secret key in the run's own folder (OP_DIR), nothing kept after the test."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ["OP_DIR"])

SECRET_KEY = os.environ["OP_SECRET_KEY"]  # made per run by the fixture
DEBUG = True  # a test server on 127.0.0.1; tracebacks in its log help when a step fails
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "tests.support.django_op.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA / "op.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
# cheap hashing: the test's users are made and checked at every run
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The dashboard is on the same host (127.0.0.1, another port) and browsers share cookies
# across ports: names of the provider's own, never Streamlit's or the dashboard's.
SESSION_COOKIE_NAME = "op_session"
CSRF_COOKIE_NAME = "op_csrftoken"

LOGIN_URL = "/accounts/login/"
# Streamlit keeps the ID token's claims as st.user and never asks /userinfo: the email must be
# in the ID token (django-oidc-provider leaves the standard claims out by default).
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
OIDC_USERINFO = "tests.support.django_op.claims.userinfo"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
