"""The test provider's URLs: Django's login (the provider's authorize step sends people there)
and the OpenID endpoints under /openid/ (the issuer is http://127.0.0.1:PORT/openid)."""

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
]
