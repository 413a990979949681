"""Who may see what: users, roles and scopes (users.toml, argon2id passwords) and the mapping of
an identity provider's sign-in (OpenID Connect) to those users."""
