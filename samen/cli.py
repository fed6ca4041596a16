"""The `samen` command: `demo`, `serve`, `worker`, or any Django management command."""

import os
import sys

USAGE = """usage: samen COMMAND [ARGS]

  demo [ADDRESS]   migrate a SQLite database, load the Kapelakker demo, print the
                   demo logins and start the development server (127.0.0.1:8000)
  serve [ARGS]     start gunicorn (production); extra ARGS go to gunicorn
  worker [ARGS]    run background tasks (django-tasks database worker)
  anything else    a Django management command, e.g. `samen migrate`
"""


def _django(argv: list[str]) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samen", *argv])


def demo(args: list[str]) -> None:
    """Set up the demo database and start the development server."""
    os.environ.setdefault("DEBUG", "1")
    # The demo runs background work at once, in process, so no worker is needed.
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    address = args[0] if args else "127.0.0.1:8000"
    import django

    django.setup()
    _django(["migrate", "--no-input", "-v", "0"])
    _django(["load_demo"])
    _django(["runserver", address, "--noreload"])


def serve(args: list[str]) -> None:
    """Start gunicorn with sensible defaults; needs SECRET_KEY."""
    os.environ.setdefault("SAMEN_REQUIRE_SECRET_KEY", "1")
    if not os.environ.get("SECRET_KEY"):
        sys.exit("samen serve: set SECRET_KEY (and DATABASE_URL, ALLOWED_HOSTS) first.")
    from gunicorn.app.wsgiapp import run

    bind = os.environ.get("BIND", "127.0.0.1:8000")
    workers = os.environ.get("WEB_CONCURRENCY", "2")
    sys.argv = [
        "gunicorn",
        "samen.wsgi:application",
        "--bind",
        bind,
        "--workers",
        workers,
        "--access-logfile",
        "-",
        *args,
    ]
    run()


def worker(args: list[str]) -> None:
    """Run the background task worker."""
    _django(["db_worker", *args])


def main() -> None:
    """Dispatch the `samen` command."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")
    argv = sys.argv[1:]
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return
    command, rest = argv[0], argv[1:]
    if command == "demo":
        demo(rest)
    elif command == "serve":
        serve(rest)
    elif command == "worker":
        worker(rest)
    else:
        _django(argv)


if __name__ == "__main__":
    main()
