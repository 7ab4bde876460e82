"""Development and the embedded default (``make run``): SQLite, a generated secret key."""

from roer.conf.base import *  # noqa: F403
from roer.conf.base import DATA_DIR, SECRET_KEY
from roer.conf.secret import local_secret_key

DEBUG = True
SECRET_KEY = SECRET_KEY or local_secret_key(DATA_DIR)
