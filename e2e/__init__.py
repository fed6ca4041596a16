"""Browser tests: Playwright driving Debian's Chromium, with axe-core."""
