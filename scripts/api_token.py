"""Prints a fresh personal API token (otl_…) of a demo account.

Logs in through the JSON API (POST /api/v1/session), then creates the
token the way a person does: the form on /account, with its CSRF token.
Usage: api_token.py BASE_URL USERNAME PASSWORD [SCOPE]. SCOPE is read or
full (default full: the fuzzing sends every operation); the token is
valid for 1 day. Standard library only.
"""

import html
import json
import re
import sys
import urllib.parse
import urllib.request


def main() -> None:
    base, username, password = sys.argv[1:4]
    scope = sys.argv[4] if len(sys.argv) > 4 else "full"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())

    def call(path: str, data: bytes | None = None, ctype: str | None = None) -> str:
        req = urllib.request.Request(base + path, data=data)
        if ctype:
            req.add_header("Content-Type", ctype)
        with opener.open(req, timeout=30) as res:
            return res.read().decode()

    call("/api/v1/session",
         json.dumps({"username": username, "password": password}).encode(),
         "application/json")
    page = call("/account")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    if not csrf:
        sys.exit("no CSRF token on /account")
    form = urllib.parse.urlencode({
        "csrf": html.unescape(csrf.group(1)),
        "name": "api-fuzz",
        "scope": scope,
        "days": "1",
    })
    page = call("/account/tokens", form.encode(), "application/x-www-form-urlencoded")
    token = re.search(r'<code class="secret">(otl_[^<]+)</code>', page)
    if not token:
        sys.exit("no token in the answer of /account/tokens")
    print(html.unescape(token.group(1)))


if __name__ == "__main__":
    main()
