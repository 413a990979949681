"""Text about input the dashboard refuses before reading it (oversized uploads)."""

TEXT: dict[str, tuple[str, str]] = {
    "imp_limit": (
        "Paling besar {mb} MB per file.",
        "At most {mb} MB per file.",
    ),
    "imp_too_large": (
        "Impor DITOLAK sebelum dibaca: {n} file melebihi batas {mb} MB per file. Tidak ada "
        "data yang disimpan.",
        "Import REJECTED before reading: {n} file(s) over the limit of {mb} MB per file. "
        "Nothing was stored.",
    ),
}
