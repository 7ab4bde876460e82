"""A per-installation secret key for the embedded default, kept in the data folder."""

from pathlib import Path

from django.core.management.utils import get_random_secret_key


def local_secret_key(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret_key.txt"
    if not key_file.exists():
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()
