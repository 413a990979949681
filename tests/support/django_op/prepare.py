"""Prepare the test provider's database: `python -m tests.support.django_op.prepare SPEC.json`.

SPEC: {"client": {"client_id", "client_secret", "redirect_uri"}, "users": [{"username",
"password", "email", "first_name", "last_name"}]}. Migrates, creates the RSA signing key
(creatersakey) and registers the dashboard as a confidential client (response type `code`,
scopes openid email profile; redirect_uri is also its post-logout redirect URI, as Streamlit
sends it)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(spec_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.support.django_op.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    call_command("migrate", interactive=False, verbosity=0)
    call_command("creatersakey")
    c = spec["client"]
    client = Client.objects.create(
        name="Dasbor Kompetensi ASN",
        client_type="confidential",
        client_id=c["client_id"],
        client_secret=c["client_secret"],
        jwt_alg="RS256",
        redirect_uris=[c["redirect_uri"]],
        post_logout_redirect_uris=[c["redirect_uri"]],
        scope=["openid", "email", "profile"],
        require_consent=True,
        reuse_consent=True,
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    users = get_user_model()
    for u in spec["users"]:
        users.objects.create_user(**u)


if __name__ == "__main__":
    main(sys.argv[1])
