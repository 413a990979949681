"""Pengguna: users, roles, scopes and last sign-in; add, change, reset, remove (admins)."""

from ui import accounts, widgets

widgets.page_header("users_title", "users_intro")
accounts.admin_panel(widgets.snapshot())
