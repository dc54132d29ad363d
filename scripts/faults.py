#!/usr/bin/env python3
"""Fault injection against real `otalusta serve` nodes (issue 14).

Starts two nodes on one fresh PostgreSQL database (one data directory and
key file, as tests/it/nodes.rs does) and one node on SQLite, from the debug
binary, with demo data. Runs concurrent writers through the real HTTP forms
and API for a bounded time (expert profiles created, edited and imported
with a unique marker word in their text, accounts created, consultation
drafts, API logins), records every acknowledged write, and meanwhile:

- kills a PostgreSQL node with SIGKILL and restarts it (both, in turn),
- restarts PostgreSQL itself while the nodes keep running,
- kills the SQLite node with SIGKILL and restarts it,
- holds slow clients open on every node (half a request head, then
  silence; a body trickled a byte a second),
- runs `otalusta audit verify` again and again on both databases.

Then, after a settle period, it checks that no acknowledged write is lost
(each is read back through the API of every node of its engine, with its
last acknowledged text), that every node's search agrees with the
database (each expert's current marker finds exactly it, a marker an edit
replaced no longer does), that `audit verify` passes (and never said
BROKEN during the load), that no request outlived its bound, that the
PostgreSQL nodes came back after the database restart without a restart
of their own, and that every node stops within its deadline on SIGTERM
while stalled clients are connected.

A write whose request failed, timed out or was cut by a kill is
*unacknowledged*: it may or may not have happened, and the checks accept
both (an expert then may carry its last acknowledged text or one of the
unacknowledged ones after it).

Needs PostgreSQL: PG_ADMIN_URL (a server where the user may create
databases) and PG_DIR (the cluster of scripts/lib.sh start_postgres, so
that it can be restarted). scripts/faults.sh starts a throw-away cluster
and runs this. Standard library only. Exit status 0 when every check
passed, 1 on a failure, 2 on a set-up problem.
"""

from __future__ import annotations

import argparse
import builtins
import glob
import html
import html.parser
import http.client
import http.cookiejar
import json
import os
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_PASSWORD = "Vikasietoinen-Koe-2026"
CONSONANTS = "bcdfghjklmnpqrstvxz"
VOWELS = "aeiouy"
# Marker words: unlikely letter pairs so that neither Voikko nor the
# n-gram fallback relates two of them, or one to a real word.
MARKER_RE = re.compile(r"\bqx[a-z]{10}\b")


def log(msg: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                   key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p)])
    if found:
        return found[-1]
    path = shutil.which(name)
    if path:
        return path
    raise SetupError(f"{name} not found (install PostgreSQL: scripts/lib.sh ensure_postgres)")


class SetupError(Exception):
    pass


# --------------------------------------------------------------------------------------
# Bookkeeping shared by the threads


class Run:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.lock = threading.Lock()
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.faults: list[str] = []
        self.requests = 0
        self.request_errors = 0
        self.max_duration = (0.0, "")
        self.over_bound: list[str] = []
        self.stop = threading.Event()
        self.children: list[subprocess.Popen] = []
        self.verify_runs = {"ok": 0, "broken": 0, "unavailable": 0}
        # (kind, engine) → [checked, missed, first miss]: own writes searched at once
        self.own_writes: dict[tuple[str, str], list] = {}

    def fail(self, msg: str) -> None:
        with self.lock:
            self.failures.append(msg)
        log("FAILURE: " + msg.splitlines()[0])

    def note(self, msg: str) -> None:
        with self.lock:
            self.notes.append(msg)
        log(msg)

    def fault(self, msg: str) -> None:
        with self.lock:
            self.faults.append(f"{time.strftime('%H:%M:%S')} {msg}")
        log("FAULT: " + msg)

    def timed(self, seconds: float, what: str) -> None:
        with self.lock:
            self.requests += 1
            if seconds > self.max_duration[0]:
                self.max_duration = (seconds, what)
            if seconds > self.args.request_bound:
                self.over_bound.append(f"{seconds:.1f} s: {what}")


# --------------------------------------------------------------------------------------
# Nodes


class Node:
    def __init__(self, run: Run, name: str, engine: str, database: str, data_dir: str,
                 serve_flags: list[str]):
        self.run = run
        self.name = name
        self.engine = engine
        self.database = database
        self.data_dir = data_dir
        self.port = free_port()
        self.serve_flags = serve_flags
        self.proc: subprocess.Popen | None = None
        self.generation = 0
        self.kill_times: list[float] = []
        self.log_path = os.path.join(run.args.workdir, f"node-{name}.log")
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, demo: bool) -> None:
        cmd = [self.run.args.bin, "serve", "--listen", f"127.0.0.1:{self.port}",
               "--database", self.database, "--data-dir", self.data_dir, *self.serve_flags]
        if demo:
            cmd += ["--demo", "--demo-password", DEMO_PASSWORD]
        with self.lock:
            self.generation += 1
            logf = open(self.log_path, "a")
            logf.write(f"\n===== start {self.generation} {time.strftime('%H:%M:%S')}: "
                       f"{' '.join(cmd)}\n")
            logf.flush()
            env = dict(os.environ, NO_COLOR="1", RUST_LOG=os.environ.get("RUST_LOG", "warn"))
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=logf,
                                         stderr=subprocess.STDOUT, env=env,
                                         start_new_session=True)
            logf.close()
            self.run.children.append(self.proc)
        started = time.monotonic()
        deadline = started + self.run.args.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SetupError(f"node {self.name} exited with {self.proc.returncode} at start:\n"
                                 + self.tail())
            if self.healthy(timeout=2):
                log(f"node {self.name} ({self.engine}) up on {self.base} in "
                    f"{time.monotonic() - started:.1f} s")
                return
            time.sleep(0.1)
        raise SetupError(f"node {self.name} not healthy within {self.run.args.start_timeout} s:\n"
                         + self.tail())

    def healthy(self, timeout: float = 2) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/health", timeout=timeout) as r:
                return r.status == 200
        except Exception:
            return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.kill_times.append(time.monotonic())
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def terminate(self, bound: float) -> float | None:
        """SIGTERM; the seconds until it exited, or None (then SIGKILL) past bound + 2 s."""
        assert self.proc
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=bound + 2)
            return time.monotonic() - t0
        except subprocess.TimeoutExpired:
            self.kill9()
            return None

    def tail(self, lines: int = 40) -> str:
        try:
            with open(self.log_path, errors="replace") as f:
                text = f.read().splitlines()
        except OSError:
            return "(no log)"
        return "\n".join(f"    | {x}" for x in text[-lines:])


# --------------------------------------------------------------------------------------
# HTTP: a browser-like session (cookies, no redirects) that times every request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Answer:
    def __init__(self, status: int, headers, body: bytes, seconds: float):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    @property
    def location(self) -> str:
        return (self.headers.get("Location") or "") if self.headers else ""


class Browser:
    """One person's cookies against the nodes of one engine (cookies ignore ports)."""

    def __init__(self, run: Run, who: str):
        self.run = run
        self.who = who
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf: str | None = None

    def call(self, node: Node, method: str, path: str, data: bytes | None = None,
             ctype: str | None = None, headers: dict | None = None) -> Answer | None:
        """The answer, or None when no answer came (refused, reset, timed out)."""
        req = urllib.request.Request(node.base + path, data=data, method=method)
        if ctype:
            req.add_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        what = f"{method} {path.split('?')[0]} on {node.name} ({self.who})"
        t0 = time.monotonic()
        try:
            with self.opener.open(req, timeout=self.run.args.client_timeout) as res:
                body = res.read()
                ans = Answer(res.status, res.headers, body, time.monotonic() - t0)
        except urllib.error.HTTPError as e:
            try:
                body = e.read()
            except Exception:
                body = b""
            ans = Answer(e.code, e.headers, body, time.monotonic() - t0)
        except (OSError, http.client.HTTPException) as e:
            seconds = time.monotonic() - t0
            timed_out = isinstance(e, (socket.timeout, TimeoutError)) or "timed out" in str(e)
            # Connection refused/reset by a killed node ends at once; a request
            # that hung until our own timeout is what the bound is about.
            self.run.timed(seconds, what + (" [client timeout]" if timed_out else f" [{e}]"))
            with self.run.lock:
                self.run.request_errors += 1
            return None
        self.run.timed(ans.seconds, f"{what} → {ans.status}")
        return ans

    def form(self, node: Node, path: str, fields: list[tuple[str, str]]) -> Answer | None:
        return self.call(node, "POST", path, urllib.parse.urlencode(fields).encode(),
                         "application/x-www-form-urlencoded")

    def login(self, node: Node, username: str) -> bool:
        ans = self.call(node, "POST", "/api/v1/session",
                        json.dumps({"username": username, "password": DEMO_PASSWORD}).encode(),
                        "application/json")
        if not ans or ans.status != 200:
            return False
        page = self.call(node, "GET", "/account")
        m = page and re.search(r'name="csrf" value="([^"]+)"', page.text)
        if not m:
            return False
        self.csrf = html.unescape(m.group(1))
        return True


# --------------------------------------------------------------------------------------
# What the writers acknowledged


class Pending:
    def __init__(self, marker: str, maybe_in_flight: bool):
        self.marker = marker
        # A request that timed out on a living node may still commit later.
        self.maybe_in_flight = maybe_in_flight


class Item:
    """An expert profile or a group one writer owns (no one else writes it)."""

    def __init__(self, kind: str, id_: int, what: str, fields: dict, marker: str, node: str):
        self.kind = kind
        self.id = id_
        self.what = what
        self.fields = fields
        self.acked = marker
        self.acked_on = node
        self.pending: list[Pending] = []
        self.markers = [marker]
        self.writes = 1

    def possible(self) -> set[str]:
        return {self.acked} | {p.marker for p in self.pending}


class Ledger:
    def __init__(self):
        self.lock = threading.Lock()
        self.items: dict[tuple[str, int], Item] = {}
        self.orphans: list[tuple[str, str, str]] = []  # (kind, marker, what): unacknowledged creates
        self.accounts: list[str] = []
        self.requests: dict[int, str] = {}        # id → marker
        self.sessions: list[Browser] = []
        self.counts: dict[str, list[int]] = {}    # kind → [acknowledged, unacknowledged]
        self.why_not: dict[str, int] = {}         # what unacknowledged writes got
        self.acked_at: list[float] = []

    def count(self, kind: str, acked: bool, ans: "Answer | None" = None) -> None:
        with self.lock:
            c = self.counts.setdefault(kind, [0, 0])
            c[0 if acked else 1] += 1
            if acked:
                self.acked_at.append(time.monotonic())
            else:
                why = f"{ans.status}" if ans is not None else "no answer"
                self.why_not[why] = self.why_not.get(why, 0) + 1


def in_flight(ans: Answer | None, node: Node, generation: int) -> bool:
    """Whether an unanswered request may still be running on the node."""
    return ans is None and node.alive() and node.generation == generation


# --------------------------------------------------------------------------------------
# Writers


class Writer(threading.Thread):
    kind = "writer"

    def __init__(self, run: Run, engine: "Engine", index: int):
        super().__init__(daemon=True, name=f"{self.kind}-{engine.name}-{index}")
        self.r = run
        self.engine = engine
        self.index = index
        self.rng = random.Random(f"{run.args.seed}-{engine.name}-{self.kind}-{index}")
        self.ledger = engine.ledger
        self.seq = 0

    def marker(self) -> str:
        word = "qx" + "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS)
                              for _ in range(5))
        return word

    def node(self) -> Node:
        return self.rng.choice(self.engine.nodes)

    def run(self) -> None:
        try:
            self.setup()
            while not self.r.stop.is_set():
                self.step()
                time.sleep(self.r.args.pause)
        except Exception:
            self.r.fail(f"{self.name} crashed:\n{traceback.format_exc()}")

    def ensure_login(self, b: Browser, username: str) -> bool:
        if b.csrf:
            return True
        for _ in range(3):
            if b.login(self.node(), username):
                return True
            time.sleep(0.5)
        return False

    def setup(self) -> None:
        pass

    def step(self) -> None:
        raise NotImplementedError


class ExpertWriter(Writer):
    """Creates, edits and imports (CSV, updating by e-mail) expert profiles of
    Itä-Suomi as demo-coordinator; each text carries one marker word."""

    kind = "expert"

    def setup(self) -> None:
        self.b = Browser(self.r, f"coordinator {self.name}")
        self.mine: list[Item] = []

    def fields(self, name: str, email: str, marker: str) -> dict:
        return {
            "name": name,
            "title": "perheterapeutti",
            "email": email,
            "area": "ita-suomi",
            "sectors": "social",
            "phenomena": "substitute-care",
            "languages": "fi",
            "description_fi": f"Vikasietoisuuskoe {marker} tukee sijaisperheitä.",
        }

    def step(self) -> None:
        if not self.ensure_login(self.b, "demo-coordinator"):
            return
        r = self.rng.random()
        if len(self.mine) < 2 or r < 0.3:
            self.create()
        elif r < 0.8:
            self.edit(self.rng.choice(self.mine))
        else:
            self.import_(self.rng.choice(self.mine))

    def relogin_on(self, ans: Answer | None) -> None:
        # A 403 or a login page: the CSRF token or session is gone (never
        # expected). Log in again.
        if ans is not None and (ans.status == 403 or "/login" in ans.location):
            self.r.note(f"{self.name}: {ans.status} {ans.location}: logging in again")
            self.b.csrf = None

    def created(self, kind: str, got, m: str, what: str, fields: dict, node: Node,
                ans: Answer | None) -> None:
        if got:
            rec = Item(kind, int(got.group(1)), what, fields, m, node.name)
            self.mine.append(rec)
            with self.ledger.lock:
                self.ledger.items[(kind, rec.id)] = rec
            self.own_write(rec, m, node)
        else:
            with self.ledger.lock:
                self.ledger.orphans.append((kind, m, f"create {what} on {node.name}: "
                                                     f"{ans.status if ans else 'no answer'}"))
        self.ledger.count(f"{kind} create", bool(got), ans)
        self.relogin_on(ans)

    def after(self, rec: Item, m: str, ok: bool, ans: Answer | None, node: Node,
              gen: int) -> None:
        with self.ledger.lock:
            rec.markers.append(m)
            rec.writes += 1
            if ok:
                rec.acked = m
                rec.acked_on = node.name
                rec.pending = [p for p in rec.pending if p.maybe_in_flight]
            else:
                rec.pending.append(Pending(m, in_flight(ans, node, gen)))
        if ok:
            self.own_write(rec, m, node)

    def own_write(self, rec: Item, m: str, node: Node) -> None:
        """The node that answered a write finds it in its search at once
        (README: the index follows "at once after its own writes")."""
        if any(p.maybe_in_flight for p in rec.pending):
            return
        got = search_hits(self.b, node, m, rec.kind)
        if got is None:
            return
        with self.r.lock:
            tally = self.r.own_writes.setdefault((rec.kind, node.engine), [0, 0, ""])
            tally[0] += 1
            if rec.id not in got:
                tally[1] += 1
                tally[2] = tally[2] or (f"{rec.kind} {rec.id} written with {m} on {node.name}, "
                                        f"which then found {sorted(got)}")

    def create(self) -> None:
        self.seq += 1
        m = self.marker()
        email = f"{self.name}-{self.seq}@vikakoe.example".lower()
        f = self.fields(f"Koe {self.name} {self.seq}", email, m)
        node = self.node()
        ans = self.b.form(node, "/experts", [("csrf", self.b.csrf or ""), *f.items()])
        got = ans and ans.status == 303 and re.match(r"^/experts/(\d+)\?done=created$", ans.location)
        self.created("expert", got, m, email, f, node, ans)

    def edit(self, rec: Item) -> None:
        m = self.marker()
        f = dict(rec.fields, description_fi=f"Vikasietoisuuskoe {m} tukee sijaisperheitä.")
        node = self.node()
        gen = node.generation
        ans = self.b.form(node, f"/experts/{rec.id}", [("csrf", self.b.csrf or ""), *f.items()])
        ok = bool(ans and ans.status == 303 and ans.location == f"/experts/{rec.id}?done=saved")
        if ok:
            rec.fields = f
        self.after(rec, m, ok, ans, node, gen)
        self.ledger.count("expert edit", ok, ans)
        self.relogin_on(ans)

    def import_(self, rec: Item) -> None:
        m = self.marker()
        f = dict(rec.fields, description_fi=f"Vikasietoisuuskoe {m} tukee sijaisperheitä.")
        cols = ["email", "name", "title", "area", "sectors", "phenomena", "languages",
                "description_fi"]
        csv = ";".join(cols) + "\n" + ";".join(f[c] for c in cols) + "\n"
        boundary = "----vikakoe" + uuid.UUID(int=self.rng.getrandbits(128)).hex
        parts = []
        for name, value in [("csrf", self.b.csrf or ""), ("area", "ita-suomi")]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                         f"\r\n\r\n{value}\r\n")
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="vikakoe.csv"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n')
        body = ("".join(parts) + f"--{boundary}--\r\n").encode()
        node = self.node()
        ans = self.b.call(node, "POST", "/experts/import/upload", body,
                          f"multipart/form-data; boundary={boundary}")
        batch = ans and ans.status == 200 and re.search(
            r'action="/experts/import/(\d+)/confirm"', ans.text)
        if not batch:
            # Nothing is written before the confirmation.
            self.ledger.count("expert import (preview)", False, ans)
            if ans is not None and ans.status == 200:
                self.r.note(f"{self.name}: import preview refused: "
                            + re.sub(r"\s+", " ", ans.text)[-300:])
            self.relogin_on(ans)
            return
        node = self.node()  # confirm on either node: the batch is in the database
        gen = node.generation
        ans = self.b.form(node, f"/experts/import/{batch.group(1)}/confirm",
                          [("csrf", self.b.csrf or "")])
        ok = bool(ans and ans.status == 303
                  and ans.location == f"/experts/import/{batch.group(1)}/done")
        if ok:
            rec.fields = f
        self.after(rec, m, ok, ans, node, gen)
        self.ledger.count("expert import", ok, ans)
        self.relogin_on(ans)


class GroupWriter(ExpertWriter):
    """Creates consultation groups of Itä-Suomi as demo-coordinator and edits
    them (the whole form, as a browser posts it), a marker in the description."""

    kind = "group"

    def step(self) -> None:
        if not self.ensure_login(self.b, "demo-coordinator"):
            return
        if len(self.mine) < 2 or self.rng.random() < 0.25:
            self.create()
        else:
            self.edit(self.rng.choice(self.mine))

    def create(self) -> None:
        node = self.node()
        page = self.b.call(node, "GET", "/groups/new")
        if not page or page.status != 200:
            self.relogin_on(page)
            return
        self.seq += 1
        m = self.marker()
        name = f"Vikakoe {self.name} {self.seq}"
        f = FormValues(page.text, r"/groups").values
        fill = {"name_fi": name, "description_fi": f"Ryhmä {m} kokeilee vikasietoisuutta.",
                "place": "Kuopio", "video_link": "https://video.example.fi/vikakoe"}
        f = [(k, v) for k, v in f if k not in fill] + list(fill.items())
        node = self.node()  # the page's one-time token is good on any node
        ans = self.b.form(node, "/groups", f)
        got = ans and ans.status == 303 and re.match(r"^/groups/(\d+)\?done=group-created$",
                                                     ans.location)
        self.created("group", got, m, name, {}, node, ans)

    def edit(self, rec: Item) -> None:
        node = self.node()
        page = self.b.call(node, "GET", f"/groups/{rec.id}/edit")
        if not page or page.status != 200:
            self.relogin_on(page)
            return
        m = self.marker()
        f = [(k, v) for k, v in FormValues(page.text, rf"/groups/{rec.id}").values
             if k != "description_fi"]
        f.append(("description_fi", f"Ryhmä {m} kokeilee vikasietoisuutta."))
        node = self.node()
        gen = node.generation
        ans = self.b.form(node, f"/groups/{rec.id}", f)
        ok = bool(ans and ans.status == 303
                  and ans.location == f"/groups/{rec.id}?done=group-saved")
        self.after(rec, m, ok, ans, node, gen)
        self.ledger.count("group edit", ok, ans)
        self.relogin_on(ans)


def search_hits(b: Browser, node: Node, marker: str, kind: str) -> set[int] | None:
    """The ids of `kind` (expert or group) a node's search finds for a word."""
    # Quoted: the marker exactly, not the markers one typo away.
    q = urllib.parse.urlencode({"q": f'"{marker}"', "kind": kind + "s", "paused": "1"})
    ans = b.call(node, "GET", f"/api/v1/experts?{q}")
    if not ans or ans.status != 200:
        return None
    return {h["id"] for h in ans.json()["hits"] if h.get("kind") == kind}


class FormValues(html.parser.HTMLParser):
    """What a browser posts from the first form whose action matches: text and
    hidden inputs, checked boxes, selected options, text areas."""

    def __init__(self, text: str, action: str):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = self.done = False
        self.values: list[tuple[str, str]] = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done:
            self.inside = re.fullmatch(self.action, a.get("action") or "") is not None
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
            t = (a.get("type") or "text").lower()
            if t in ("submit", "button", "file", "reset", "image"):
                return
            if t in ("checkbox", "radio") and "checked" not in a:
                return
            self.values.append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"):
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select:
            self.options.append((a.get("value") or "", "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select" and self.select:
            chosen = [v for v, sel in self.options if sel] or [v for v, _ in self.options[:1]]
            if chosen:
                self.values.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.values.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


class AccountWriter(Writer):
    """Creates accounts as demo-admin (the form of /admin/users/new)."""

    kind = "account"

    def setup(self) -> None:
        self.b = Browser(self.r, f"admin {self.name}")

    def step(self) -> None:
        if not self.ensure_login(self.b, "demo-admin"):
            return
        self.seq += 1
        username = f"vikakoe-{self.engine.name}-{self.index}-{self.seq}"
        node = self.node()
        ans = self.b.form(node, "/admin/users", [
            ("csrf", self.b.csrf or ""), ("username", username),
            ("display_name", "Vikasietoisuuskoe"), ("title", "testaaja"),
            ("roles", "expert"), ("roles", "secretary"),
        ])
        ok = bool(ans and ans.status == 200 and username in ans.text and "<main" in ans.text)
        if ok:
            with self.ledger.lock:
                self.ledger.accounts.append(username)
        self.ledger.count("account create", ok, ans)
        if ans is not None and ans.status == 403:
            self.b.csrf = None


class RequestWriter(Writer):
    """Saves consultation drafts as demo-requester, a marker in the first answer."""

    kind = "request"

    def setup(self) -> None:
        self.b = Browser(self.r, f"requester {self.name}")
        self.group: int | None = None

    def find_group(self) -> None:
        node = self.node()
        ans = self.b.call(node, "GET", "/api/v1/groups")
        if not ans or ans.status != 200:
            return
        data = ans.json()
        items = data if isinstance(data, list) else data.get("groups") or data.get("items") or []
        for g in items:
            page = self.b.call(node, "GET", f"/requests/new?group={g['id']}")
            if page and page.status == 200 and 'name="once"' in page.text:
                self.group = g["id"]
                return

    def step(self) -> None:
        if not self.ensure_login(self.b, "demo-requester"):
            return
        if self.group is None:
            self.find_group()
            if self.group is None:
                time.sleep(0.5)
                return
        node = self.node()
        page = self.b.call(node, "GET", f"/requests/new?group={self.group}")
        if not page or page.status != 200:
            return
        form = FormFields(page.text)
        if not form.textareas:
            self.r.fail("the consultation form has no text answer")
            self.r.stop.set()
            return
        m = self.marker()
        fields = [(k, v) for k, v in form.hidden if k in ("csrf", "once", "group")]
        fields += [(form.textareas[0], f"Vikasietoisuuskoe {m}: kysymys ryhmälle."),
                   ("identification", "none"), ("action", "save")]
        node = self.node()  # the page's one-time token is good on any node
        ans = self.b.form(node, "/requests", fields)
        got = ans and ans.status == 303 and re.match(r"^/requests/(\d+)", ans.location)
        if got:
            with self.ledger.lock:
                self.ledger.requests[int(got.group(1))] = m
        self.ledger.count("consultation draft", bool(got), ans)


class LoginWriter(Writer):
    """Logs in through the JSON API (a session row and an access-log entry)."""

    kind = "login"

    def step(self) -> None:
        b = Browser(self.r, f"login {self.name}")
        node = self.node()
        ans = b.call(node, "POST", "/api/v1/session",
                     json.dumps({"username": "demo-expert", "password": DEMO_PASSWORD}).encode(),
                     "application/json")
        ok = bool(ans and ans.status == 200)
        if ok:
            with self.ledger.lock:
                if len(self.ledger.sessions) < 40:
                    self.ledger.sessions.append(b)
        self.ledger.count("login", ok, ans)


class FormFields(html.parser.HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.hidden: list[tuple[str, str]] = []
        self.textareas: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.hidden.append((a["name"], a.get("value") or ""))
        if tag == "textarea" and a.get("name") and a["name"] != "basis_note":
            self.textareas.append(a["name"])


# --------------------------------------------------------------------------------------
# Slow clients


class SlowClient(threading.Thread):
    """Holds a connection the way a slow or hostile client does: half a request
    head and silence ("head"), or a complete head and a body trickled a byte a
    second ("body"). Reconnects when the server closes; records how long the
    server kept each connection."""

    def __init__(self, run: Run, node: Node, how: str):
        super().__init__(daemon=True, name=f"slow-{how}-{node.name}")
        self.r = run
        self.node = node
        self.how = how
        self.held: list[tuple[float, str]] = []  # (seconds, how it ended)
        self.sock: socket.socket | None = None
        self.opened = 0.0
        self.done = threading.Event()

    def connect(self) -> bool:
        try:
            s = socket.create_connection(("127.0.0.1", self.node.port), timeout=2)
        except OSError:
            return False
        s.settimeout(1)
        if self.how == "head":
            s.sendall(b"GET /experts HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: vika")
        else:
            s.sendall(b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 100000\r\n\r\nusername=")
        self.sock = s
        self.opened = time.monotonic()
        self.gen = self.node.generation
        return True

    def run(self) -> None:
        while not self.r.stop.is_set() and not self.done.is_set():
            if self.sock is None:
                if not self.connect():
                    time.sleep(0.5)
                continue
            try:
                if self.how == "body":
                    self.sock.sendall(b"a")
                data = self.sock.recv(4096)
                if not data:
                    self.closed("closed by the server")
                    continue
                first = data.split(b"\r\n", 1)[0].decode("latin-1")
                self.closed(f"answered {first!r}")
            except socket.timeout:
                continue
            except OSError as e:
                self.closed(f"{e.__class__.__name__}")
        # Still open at the end: held for the whole time.
        if self.sock is not None:
            self.held.append((time.monotonic() - self.opened, "still open"))

    def closed(self, how: str) -> None:
        now = time.monotonic()
        restarted = (self.node.generation != self.gen or not self.node.alive()
                     or any(abs(now - k) < 2 for k in self.node.kill_times))
        self.held.append((time.monotonic() - self.opened,
                          how + (" (node killed)" if restarted else "")))
        try:
            self.sock.close()
        except Exception:
            pass
        self.sock = None
        time.sleep(0.2)

    def close(self) -> None:
        self.done.set()


def stalled_connection(node: Node, how: str) -> socket.socket | None:
    try:
        s = socket.create_connection(("127.0.0.1", node.port), timeout=2)
        if how == "head":
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-")
        elif how == "body":
            s.sendall(b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 1000\r\n\r\nuser")
        # "idle": a connected client that sends nothing at all
        return s
    except OSError:
        return None


# --------------------------------------------------------------------------------------
# Engines: the nodes of one database, its writers and its checks


class Engine:
    def __init__(self, run: Run, name: str, database: str, data_dir: str):
        self.run = run
        self.name = name
        self.database = database
        self.data_dir = data_dir
        self.nodes: list[Node] = []
        self.ledger = Ledger()
        self.writers: list[Writer] = []

    def verify(self) -> tuple[int, str]:
        try:
            out = subprocess.run(
                [self.run.args.bin, "audit", "verify", "--database", self.database,
                 "--data-dir", self.data_dir],
                capture_output=True, text=True, timeout=120,
                env=dict(os.environ, NO_COLOR="1"))
        except subprocess.TimeoutExpired:
            return -1, "audit verify did not finish within 120 s"
        return out.returncode, (out.stdout + out.stderr).strip()


class Verifier(threading.Thread):
    """`otalusta audit verify` again and again while the writers write."""

    def __init__(self, run: Run, engines: list[Engine]):
        super().__init__(daemon=True, name="verifier")
        self.r = run
        self.engines = engines

    def run(self) -> None:
        i = 0
        while not self.r.stop.is_set():
            e = self.engines[i % len(self.engines)]
            i += 1
            code, out = e.verify()
            if code == 0:
                self.r.verify_runs["ok"] += 1
            elif code == 1 or "BROKEN" in out:
                self.r.verify_runs["broken"] += 1
                self.r.fail(f"audit verify on {e.name} said BROKEN during the load "
                            f"(exit {code}):\n{indent(out)}")
            else:
                # No database (PostgreSQL restarting) is not a broken log.
                self.r.verify_runs["unavailable"] += 1
            self.r.stop.wait(self.r.args.verify_every)


def indent(text: str, limit: int = 20) -> str:
    lines = text.splitlines()
    more = [f"    … {len(lines) - limit} more lines"] if len(lines) > limit else []
    return "\n".join(f"    {x}" for x in lines[:limit] + more)


# --------------------------------------------------------------------------------------
# PostgreSQL


class Postgres:
    def __init__(self, run: Run):
        self.run = run
        self.admin_url = os.environ.get("PG_ADMIN_URL", "")
        self.dir = os.environ.get("PG_DIR", "")
        if not self.admin_url or not self.dir:
            raise SetupError("PG_ADMIN_URL and PG_DIR are not set: run scripts/faults.sh, or "
                             "source scripts/lib.sh and start_postgres first")
        self.data = os.path.join(self.dir, "data")
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        self.db_name = f"otalusta_faults_{os.getpid()}_{int(time.time())}"

    def psql(self, sql: str, database: bool = False) -> None:
        url = self.url if database else self.admin_url
        subprocess.run([pg_bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                        url, "-c", sql], check=True, capture_output=True, text=True)

    def create_database(self) -> str:
        try:
            self.psql(f"CREATE DATABASE {self.db_name}")
        except subprocess.CalledProcessError as e:
            raise SetupError(f"CREATE DATABASE failed: {e.stderr}")
        u = urllib.parse.urlsplit(self.admin_url)
        self.url = urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + self.db_name, u.query, ""))
        return self.url

    def drop_database(self) -> None:
        try:
            self.psql(f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")
        except Exception:
            pass

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_postgres, pg_bin("pg_ctl"), "-D", self.data, *args],
                              capture_output=True, text=True, timeout=120)

    def restart(self, mode: str, down: float) -> float:
        """Stops the server (fast or immediate), keeps it down `down` seconds,
        starts it with the options it ran with; returns the seconds it was away."""
        with open(os.path.join(self.data, "postmaster.opts")) as f:
            argv = shlex.split(f.read())
        opts, skip = [], False
        for a in argv[1:]:
            if skip:
                skip = False
                continue
            if a == "-D":
                skip = True
                continue
            opts.append(a)
        t0 = time.monotonic()
        out = self.pg_ctl("-m", mode, "-w", "stop")
        if out.returncode != 0:
            raise SetupError(f"pg_ctl stop failed: {out.stdout}{out.stderr}")
        time.sleep(down)
        out = self.pg_ctl("-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                          "-o", shlex.join(opts), "start")
        if out.returncode != 0:
            raise SetupError(f"pg_ctl start failed: {out.stdout}{out.stderr}")
        return time.monotonic() - t0


# --------------------------------------------------------------------------------------
# The run


# The server's timeouts, by what they bound, under the names `serve --help`
# may give them (they are being added); the first name listed is used.
TIMEOUT_FLAGS = {
    "request": ["--request-timeout", "--request-timeout-secs"],
    "header": ["--header-read-timeout", "--header-timeout", "--header-read-timeout-secs",
               "--header-timeout-secs"],
    "shutdown": ["--shutdown-timeout", "--shutdown-grace", "--shutdown-timeout-secs",
                 "--shutdown-grace-secs"],
}


def serve_flags(args: argparse.Namespace) -> tuple[list[str], dict[str, float]]:
    """The timeout flags `serve --help` lists and we pass; {what: seconds}."""
    out = subprocess.run([args.bin, "serve", "--help"], capture_output=True, text=True)
    help_text = out.stdout + out.stderr
    flags, seen = [], {}
    values = {"request": args.request_timeout, "header": args.header_timeout,
              "shutdown": args.shutdown_timeout}
    for what, names in TIMEOUT_FLAGS.items():
        for flag in names:
            # The flag's line and its description, up to the next flag.
            m = re.search(re.escape(flag) + r"(?![\w-])[^\n]*(?:\n(?!\s*-)[^\n]*)*", help_text)
            if not m:
                continue
            value = values[what]
            # A duration ("[default: 30s]", "e.g. 500ms") takes a unit; else seconds.
            as_text = (f"{value:g}s" if re.search(r"\d(ms|s|m)\b", m.group(0))
                       else f"{value:g}")
            flags += [flag, as_text]
            seen[what] = value
            break
    return flags, seen


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="the bounded CI run: 1 round, 1 writer of each kind per engine "
                        "(2 of expert profiles), 40 s")
    p.add_argument("--seconds", type=float, help="how long the writers write (default 120)")
    p.add_argument("--rounds", type=int, help="fault rounds within that time (default 3)")
    p.add_argument("--writers", type=int, help="writers of each kind per engine (default 3; at least 2 of experts)")
    p.add_argument("--seed", default="14", help="seeds the writers' choices and markers")
    p.add_argument("--bin", default=os.environ.get("OTALUSTA_BIN",
                                                   os.path.join(ROOT, "target/debug/otalusta")))
    p.add_argument("--request-timeout", type=float, default=10,
                   help="passed as serve --request-timeout(-secs) when serve has it (s)")
    p.add_argument("--header-timeout", type=float, default=5,
                   help="passed as serve --header(-read)-timeout(-secs) when serve has it (s)")
    p.add_argument("--shutdown-timeout", type=float, default=5,
                   help="passed as serve --shutdown-timeout or --shutdown-grace(-secs) "
                        "when serve has it (s)")
    p.add_argument("--margin", type=float, default=5,
                   help="added to the server's timeouts for the bounds (s)")
    p.add_argument("--request-bound", type=float,
                   help="no request may take longer (default: request timeout + margin "
                        "when serve has --request-timeout, else 30 s)")
    p.add_argument("--slow-bound", type=float,
                   help="no stalled connection may be held longer (default: header read "
                        "timeout or request timeout + margin when serve has them, else "
                        "the request bound)")
    p.add_argument("--stop-bound", type=float,
                   help="SIGTERM to exit with stalled clients connected (default: shutdown "
                        "timeout + margin when serve has it, else 15 s)")
    p.add_argument("--settle", type=float, default=15,
                   help="how long the checks wait for followers to catch up (s)")
    p.add_argument("--pg-down", type=float, default=2,
                   help="how long PostgreSQL stays down in a restart (s)")
    p.add_argument("--pause", type=float, default=0.05, help="each writer's pause between writes")
    p.add_argument("--verify-every", type=float, default=0.5,
                   help="pause between audit verify runs during the load (s)")
    p.add_argument("--start-timeout", type=float, default=120)
    p.add_argument("--sabotage", action="store_true",
                   help="a test of the checks: after the load, change one acknowledged "
                        "profile's text in PostgreSQL behind the service's back (no change "
                        "feed); the run must then fail with a lost write and a stale search")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    p.add_argument("--artifacts", default=os.path.join(ROOT, "test-artifacts", "faults"),
                   help="where the node logs and the summary go on a failure ('' for nowhere)")
    args = p.parse_args()
    args.seconds = args.seconds or (40 if args.quick else 120)
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.writers = args.writers or (1 if args.quick else 3)

    if not os.access(args.bin, os.X_OK):
        print(f"faults: no binary at {args.bin} (cargo build --bin otalusta)", file=sys.stderr)
        return 2
    flags, supported = serve_flags(args)
    if args.request_bound is None:
        args.request_bound = (supported["request"] + args.margin
                              if "request" in supported else 30.0)
    if args.slow_bound is None:
        reading = [v for k, v in supported.items() if k in ("header", "request")]
        args.slow_bound = max(reading) + args.margin if reading else args.request_bound
    if args.stop_bound is None:
        args.stop_bound = (supported["shutdown"] + args.margin
                           if "shutdown" in supported else 15.0)
    args.client_timeout = args.request_bound + 10

    args.workdir = tempfile.mkdtemp(prefix="otalusta-faults.")
    if args.artifacts:
        shutil.rmtree(args.artifacts, ignore_errors=True)  # none from an earlier run
    run = Run(args)
    pg: Postgres | None = None
    old_handlers = {}

    def on_signal(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    for sig in (signal.SIGINT, signal.SIGTERM):
        old_handlers[sig] = signal.signal(sig, on_signal)

    started = time.monotonic()
    engines: list[Engine] = []
    code = 2
    try:
        log(f"binary {args.bin}; work dir {args.workdir}; seed {args.seed}")
        log("serve timeout flags: " + (" ".join(flags) if flags else
                                       "none listed by `serve --help` (not passed)"))
        log(f"bounds: request {args.request_bound:g} s, stalled connection "
            f"{args.slow_bound:g} s, stop {args.stop_bound:g} s; settle {args.settle:g} s")
        pg = Postgres(run)
        pg_url = pg.create_database()
        pg_dir = os.path.join(args.workdir, "pg-data")
        sq_dir = os.path.join(args.workdir, "sqlite-data")
        os.makedirs(pg_dir)
        os.makedirs(sq_dir)
        epg = Engine(run, "postgres", pg_url, pg_dir)
        esq = Engine(run, "sqlite", f"sqlite://{sq_dir}/otalusta.sqlite", sq_dir)
        engines = [epg, esq]
        epg.nodes = [Node(run, "pg-a", "postgres", pg_url, pg_dir, flags),
                     Node(run, "pg-b", "postgres", pg_url, pg_dir, flags)]
        esq.nodes = [Node(run, "sqlite", "sqlite", esq.database, sq_dir, flags)]
        # The demo seeds the PostgreSQL database once; the second node joins it.
        errors: list[BaseException] = []
        t = threading.Thread(target=_catch, args=(lambda: esq.nodes[0].start(True), errors))
        t.start()
        epg.nodes[0].start(demo=True)
        epg.nodes[1].start(demo=False)
        t.join()
        if errors:
            raise errors[0]

        code = load_and_faults(run, pg, engines)
        if args.sabotage:
            sabotage(run, pg, epg)
        code = check_all(run, engines) or code
        stop_with_stalled_clients(run, engines)
    except SetupError as e:
        run.fail(f"set-up: {e}")
    except KeyboardInterrupt as e:
        run.fail(f"interrupted ({e})")
    except Exception:
        run.fail("the script itself failed:\n" + traceback.format_exc())
    finally:
        run.stop.set()
        for proc in run.children:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if pg:
            pg.drop_database()
        for sig, h in old_handlers.items():
            signal.signal(sig, h)

    text = summary(run, engines, time.monotonic() - started)
    if run.failures:
        for e in engines:
            for n in e.nodes:
                print(f"\n--- last lines of node {n.name}'s log ({n.log_path}):")
                print(n.tail())
        if args.artifacts:
            os.makedirs(args.artifacts, exist_ok=True)
            for e in engines:
                for n in e.nodes:
                    shutil.copy(n.log_path, args.artifacts)
            with open(os.path.join(args.artifacts, "summary.txt"), "w") as f:
                f.write(text)
            log(f"node logs and the summary are in {args.artifacts}")
    if not args.keep and not run.failures:
        shutil.rmtree(args.workdir, ignore_errors=True)
    else:
        log(f"kept {args.workdir}")
    return 1 if run.failures else 0


def _catch(f, errors):
    try:
        f()
    except BaseException as e:  # noqa: BLE001 - handed to the main thread
        errors.append(e)


def load_and_faults(run: Run, pg: Postgres, engines: list[Engine]) -> int:
    args = run.args
    epg, esq = engines
    kinds = [ExpertWriter, GroupWriter, AccountWriter, RequestWriter, LoginWriter]
    for e in engines:
        for k in kinds:
            # At least two expert writers: concurrent changes of the search
            # index are what a follower may take out of order.
            n = max(args.writers, 2) if k is ExpertWriter else args.writers
            for i in range(n):
                e.writers.append(k(run, e, i))
    slow = [SlowClient(run, n, how) for e in engines for n in e.nodes for how in ("head", "body")]
    verifier = Verifier(run, engines)
    for t in [*slow, verifier, *(w for e in engines for w in e.writers)]:
        t.start()
    log(f"{sum(len(e.writers) for e in engines)} writers, {len(slow)} slow clients, "
        f"{args.rounds} fault round(s) in {args.seconds:g} s")

    t0 = time.monotonic()
    per_round = args.seconds / args.rounds
    faults = ["kill-pg-node", "kill-sqlite", "restart-postgres"]
    last_pg_restart = None
    for r in range(args.rounds):
        for j, what in enumerate(faults):
            at = t0 + r * per_round + (j + 1) * per_round / (len(faults) + 1)
            while time.monotonic() < at and not run.stop.is_set():
                time.sleep(0.1)
            if run.stop.is_set():
                break
            if what == "kill-pg-node":
                node = epg.nodes[r % 2]
                node.kill9()
                run.fault(f"SIGKILL {node.name} (round {r + 1})")
                time.sleep(1)
                restart_node(run, node)
            elif what == "kill-sqlite":
                node = esq.nodes[0]
                node.kill9()
                run.fault(f"SIGKILL {node.name} (round {r + 1})")
                time.sleep(0.5)
                restart_node(run, node)
            else:
                mode = "fast" if r % 2 == 0 else "immediate"
                away = pg.restart(mode, args.pg_down)
                run.fault(f"PostgreSQL restarted ({mode} stop, away {away:.1f} s; "
                          f"round {r + 1})")
                last_pg_restart = time.monotonic()
                recovered(run, epg)
    while time.monotonic() < t0 + args.seconds and not run.stop.is_set():
        time.sleep(0.1)
    log("stopping the writers")
    run.stop.set()
    for e in engines:
        for w in e.writers:
            w.join(timeout=args.client_timeout + 5)
            if w.is_alive():
                run.fail(f"writer {w.name} did not finish within {args.client_timeout + 5:g} s")
    verifier.join(timeout=130)
    for s in slow:
        s.join(timeout=3)
    for s in slow:
        for held, how in s.held:
            if held > args.slow_bound and "node killed" not in how:
                run.fail(f"{s.name}: a stalled connection was held {held:.1f} s "
                         f"(> {args.slow_bound:g} s), then {how}")
        ends = sorted({how for _, how in s.held})
        log(f"{s.name}: {len(s.held)} connection(s), longest "
            f"{max((h for h, _ in s.held), default=0):.1f} s, ended: {', '.join(ends)}")
    # Writes kept being acknowledged after the database came back.
    if last_pg_restart is not None:
        after = [t for t in epg.ledger.acked_at if t > last_pg_restart + 1]
        if not after:
            run.fail("no write was acknowledged on PostgreSQL after its restart")
    return 0


def sabotage(run: Run, pg: "Postgres", e: Engine) -> None:
    experts = [r for (kind, _), r in e.ledger.items.items() if kind == "expert"]
    if not experts:
        return
    rec = experts[0]
    pg.psql(f"UPDATE experts SET description_fi = 'Sabotoitu qxsabotoitun.' WHERE id = {rec.id}",
            database=True)
    run.note(f"sabotage: expert {rec.id}'s text changed in the database to qxsabotoitun "
             f"(acknowledged: {rec.acked}); expect a lost write and a stale search")


def restart_node(run: Run, node: Node) -> None:
    try:
        node.start(demo=False)
        run.fault(f"restarted {node.name}")
    except SetupError as e:
        run.fail(f"{node.name} did not come back after SIGKILL: {e}")
        run.stop.set()


def recovered(run: Run, engine: Engine) -> None:
    """The nodes answer /health again without a restart of their own."""
    deadline = time.monotonic() + 30
    for n in engine.nodes:
        t0 = time.monotonic()
        while not n.healthy(timeout=2):
            if time.monotonic() > deadline:
                run.fail(f"{n.name} did not recover within 30 s of the PostgreSQL restart")
                break
            time.sleep(0.2)
        else:
            log(f"{n.name} healthy {time.monotonic() - t0:.1f} s after PostgreSQL came back")


# --------------------------------------------------------------------------------------
# Checks after the load


def check_all(run: Run, engines: list[Engine]) -> int:
    for e in engines:
        for n in e.nodes:
            if not n.alive():
                run.fail(f"node {n.name} is not running at the end")
    for e in engines:
        check_engine(run, e)
    for e in engines:
        code, out = e.verify()
        if code != 0:
            run.fail(f"audit verify on {e.name} after the run: exit {code}\n{indent(out)}")
        else:
            log(f"audit verify on {e.name}: {out.splitlines()[-1] if out else 'ok'}")
    for e in engines:
        for n in e.nodes:
            ans_errors = re.findall(r"^.*(?:panicked|PANIC).*$", open(n.log_path, errors="replace").read(),
                                    re.M)
            if ans_errors:
                run.fail(f"node {n.name} panicked:\n{indent(chr(10).join(ans_errors))}")
    return 0


def check_engine(run: Run, e: Engine) -> None:
    args = run.args
    led = e.ledger
    checker = Browser(run, f"checker {e.name}")
    for n in e.nodes:
        if not checker.login(n, "demo-coordinator"):
            run.fail(f"the checker cannot log in on {n.name}")
            return
    admin = Browser(run, f"admin checker {e.name}")
    requester = Browser(run, f"requester checker {e.name}")
    admin.login(e.nodes[0], "demo-admin")
    requester.login(e.nodes[0], "demo-requester")
    deadline = time.monotonic() + args.settle

    def settle(check, what: str) -> list[str]:
        """Runs check() until it returns no problems or the settle time is over."""
        while True:
            problems = check()
            if not problems or time.monotonic() > deadline:
                return problems
            time.sleep(1)

    # 1. No acknowledged write is lost: each profile's and group's text, read
    # on every node (the API for a profile, the edit form for a group).
    db_marker: dict[tuple[str, int], str] = {}

    def description(n: Node, rec: Item) -> tuple[str | None, str]:
        if rec.kind == "expert":
            ans = checker.call(n, "GET", f"/api/v1/experts/{rec.id}")
            if ans and ans.status == 200:
                return ans.json().get("description_fi", ""), ""
        else:
            ans = checker.call(n, "GET", f"/groups/{rec.id}/edit")
            if ans and ans.status == 200:
                return dict(FormValues(ans.text, rf"/groups/{rec.id}").values).get(
                    "description_fi", ""), ""
        return None, f"{ans.status if ans else 'no answer'}"

    def read_items() -> list[str]:
        problems = []
        for rec in list(led.items.values()):
            seen = {}
            for n in e.nodes:
                text, why = description(n, rec)
                if text is None:
                    problems.append(f"{rec.kind} {rec.id} ({rec.what}) on {n.name}: {why} — "
                                    f"acknowledged with {rec.acked} on {rec.acked_on}")
                    continue
                found = MARKER_RE.findall(text)
                seen[n.name] = found[0] if len(found) == 1 else repr(text)
            values = set(seen.values())
            if len(values) > 1:
                problems.append(f"{rec.kind} {rec.id}: the nodes read different texts: {seen}")
            elif values:
                got = values.pop()
                db_marker[(rec.kind, rec.id)] = got
                if got not in rec.possible():
                    problems.append(
                        f"{rec.kind} {rec.id} ({rec.what}) lost its acknowledged write: reads "
                        f"{got}, acknowledged {rec.acked} on {rec.acked_on}"
                        + (f", unacknowledged since: {[p.marker for p in rec.pending]}"
                           if rec.pending else ""))
        return problems

    for p in settle(read_items, "profiles and groups"):
        run.fail(f"[{e.name}] {p}")

    # 2. Accounts and drafts, read on every node.
    def read_accounts() -> list[str]:
        problems = []
        for n in e.nodes:
            if not admin.csrf:
                admin.login(n, "demo-admin")
            ans = admin.call(n, "GET", "/admin/users")
            if not ans or ans.status != 200:
                problems.append(f"/admin/users on {n.name}: {ans.status if ans else 'no answer'}")
                continue
            missing = [u for u in led.accounts
                       if not re.search(re.escape(u) + r"(?![0-9])", ans.text)]
            if missing:
                problems.append(f"{len(missing)} acknowledged account(s) missing on {n.name}: "
                                f"{missing[:5]}")
        return problems

    def read_requests() -> list[str]:
        problems = []
        for rid, m in list(led.requests.items()):
            for n in e.nodes:
                ans = requester.call(n, "GET", f"/api/v1/requests/{rid}")
                if not ans or ans.status != 200:
                    problems.append(f"draft {rid} on {n.name}: "
                                    f"{ans.status if ans else 'no answer'}")
                elif m not in json.dumps(ans.json().get("answers")):
                    problems.append(f"draft {rid} on {n.name} lost its answer with {m}")
        return problems

    def read_sessions() -> list[str]:
        problems = []
        for b in led.sessions:
            for n in e.nodes:
                ans = b.call(n, "GET", "/api/v1/me")
                if not ans or ans.status != 200:
                    problems.append(f"an acknowledged login's session answers "
                                    f"{ans.status if ans else 'nothing'} on {n.name}")
        return problems

    for check, what in [(read_accounts, "accounts"), (read_requests, "drafts"),
                        (read_sessions, "sessions")]:
        for p in settle(check, what):
            run.fail(f"[{e.name}] {p}")

    # 3. Every node's search answers what the database holds.
    def search() -> list[str]:
        problems = []
        holders: dict[tuple[str, str], set[int]] = {}
        for (kind, rid), m in db_marker.items():
            holders.setdefault((kind, m), set()).add(rid)
        for rec in list(led.items.values()):
            current = db_marker.get((rec.kind, rec.id))
            if current is None or not MARKER_RE.fullmatch(current):
                continue  # unreadable or not one marker: reported above
            want = holders[(rec.kind, current)]
            for n in e.nodes:
                got = search_hits(checker, n, current, rec.kind)
                if got is None:
                    problems.append(f"search on {n.name} failed")
                elif got != want:
                    problems.append(f"search for {current} on {n.name} finds {rec.kind} "
                                    f"{sorted(got)}; the database has it in {sorted(want)} "
                                    f"(stale index: the node missed a change)")
                for old in set(rec.markers) - {current}:
                    got = search_hits(checker, n, old, rec.kind)
                    if got is not None and rec.id in got:
                        problems.append(f"search for {old} on {n.name} still finds {rec.kind} "
                                        f"{rec.id}, whose text now has {current} "
                                        f"(stale index)")
        # Creates whose answer never came: whatever exists, every node agrees.
        for kind, m, what in led.orphans:
            answers = {n.name: search_hits(checker, n, m, kind) for n in e.nodes}
            if len({frozenset(v) for v in answers.values() if v is not None}) > 1:
                problems.append(f"the nodes disagree on {m} (unacknowledged {what}): {answers}")
        return problems

    # The followers had the settle time since the load stopped; give them a
    # few more seconds if reading everything back took that long.
    deadline = max(deadline, time.monotonic() + 5)
    searched = settle(search, "search")
    for p in searched[:30]:
        run.fail(f"[{e.name}] {p}")
    if len(searched) > 30:
        run.fail(f"[{e.name}] … and {len(searched) - 30} more search mismatches")


def stop_with_stalled_clients(run: Run, engines: list[Engine]) -> None:
    """SIGTERM each node while a half-sent head, a half-sent body and an idle
    connection are open; each must exit within the stop bound."""
    nodes = [n for e in engines for n in e.nodes if n.alive()]
    conns = [(n, stalled_connection(n, how)) for n in nodes for how in ("head", "body", "idle")]
    time.sleep(0.5)
    results: dict[str, float | None] = {}

    def stop(n: Node) -> None:
        results[n.name] = n.terminate(run.args.stop_bound)

    threads = [threading.Thread(target=stop, args=(n,)) for n in nodes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in nodes:
        took = results.get(n.name)
        if took is None:
            run.fail(f"{n.name} did not exit within {run.args.stop_bound + 2:g} s of SIGTERM "
                     f"with stalled clients connected (half a request head, half a body, "
                     f"an idle connection); killed")
        elif took > run.args.stop_bound:
            run.fail(f"{n.name} took {took:.1f} s to exit on SIGTERM with stalled clients "
                     f"(> {run.args.stop_bound:g} s)")
        else:
            log(f"{n.name} exited {took:.1f} s after SIGTERM with stalled clients connected "
                f"(exit {n.proc.returncode})")
    for _, s in conns:
        if s:
            s.close()


def summary(run: Run, engines: list[Engine], took: float) -> str:
    a = run.args
    lines: list[str] = []

    def print(*parts):  # noqa: A001 - the summary is printed and kept
        text = " ".join(str(x) for x in parts)
        lines.append(text)
        builtins.print(text, flush=True)

    print("\n================ fault injection summary ================")
    print(f"time {took:.0f} s; load {a.seconds:g} s, {a.rounds} round(s), {a.writers} writer(s) "
          f"of each kind per engine, seed {a.seed}")
    for e in engines:
        counts = ", ".join(f"{k} {v[0]} acknowledged/{v[1]} not"
                           for k, v in sorted(e.ledger.counts.items()))
        why = ", ".join(f"{k} ×{v}" for k, v in sorted(e.ledger.why_not.items()))
        print(f"{e.name}: {counts or 'no writes'}; {len(e.ledger.items)} profiles and groups "
              f"tracked, {sum(r.writes for r in e.ledger.items.values())} writes on them; "
              f"unacknowledged: {why or 'none'}")
    print(f"faults injected ({len(run.faults)}):")
    for f in run.faults:
        print(f"  {f}")
    print(f"requests {run.requests} ({run.request_errors} without an answer); longest "
          f"{run.max_duration[0]:.2f} s: {run.max_duration[1]}")
    if run.over_bound:
        run.failures.append(f"{len(run.over_bound)} request(s) took longer than "
                            f"{a.request_bound:g} s:\n" + indent("\n".join(run.over_bound)))
    for (kind, engine), (checked, missed, first) in sorted(run.own_writes.items()):
        print(f"{kind} writes searched at once on the node that answered ({engine}): "
              f"{checked}, not found {missed}")
        if missed:
            run.failures.append(
                f"[{engine}] {missed} of {checked} acknowledged {kind} writes were not found "
                f"by the answering node's own search right after the answer (README: the index "
                f"follows its own writes at once), e.g. {first}")
    v = run.verify_runs
    print(f"audit verify during the load: {v['ok']} intact, {v['broken']} BROKEN, "
          f"{v['unavailable']} without a database")
    for n in run.notes[:20]:
        print(f"note: {n}")
    if run.failures:
        print(f"\nFAILED: {len(run.failures)} failure(s):")
        for f in run.failures:
            print("- " + f)
    else:
        print("\nPASSED: every check held")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
