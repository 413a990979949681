"""Log Audit: who signed in, imported, rolled back, backed up, restored and downloaded what."""

from ui import audit_view, widgets

widgets.page_header("audit_title", "audit_intro")
audit_view.render(widgets.snapshot())
