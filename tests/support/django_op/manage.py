"""manage.py of the test provider: `python -m tests.support.django_op.manage runserver ...`."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.support.django_op.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
