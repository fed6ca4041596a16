"""Load the Kapelakker demo (once) and print one login per role."""

from django.core.management.base import BaseCommand

from samen.core.demo import demo_exists, demo_load, demo_logins, demo_remove


class Command(BaseCommand):
    help = "Load the Kapelakker demo neighbourhood (skipped when it is there) and print the logins."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--reset", action="store_true", help="Remove the demo and load it anew."
        )
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    def handle(self, *args, reset: bool = False, quiet: bool = False, **options):  # type: ignore[no-untyped-def]
        if reset:
            demo_remove()
        if demo_exists():
            self.stdout.write(
                "The Kapelakker demo is already loaded (use --reset to load it anew)."
            )
        else:
            demo_load()
            self.stdout.write(self.style.SUCCESS("The Kapelakker demo is loaded."))
        if not quiet:
            self.print_logins()

    def print_logins(self) -> None:
        logins = demo_logins()
        self.stdout.write("")
        self.stdout.write("Demo logins (open http://127.0.0.1:8000/aanmelden/):")
        width = max(len(login.role) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login.role:<{width}}  {login.login:<28} {login.secret:<16} → {login.lands_on}"
            )
        self.stdout.write("")
