"""CLI commands for the journal: init, write, list, show, edit, delete, search, tags, people,
episodes, export, import, passwd, backup, doctor.

Thin: parse options, call a service, render. Data goes to stdout, messages to stderr. Imports of
the services happen inside command bodies so ``afterword --help`` stays instant.
"""

from __future__ import annotations

import sys
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.context import JsonOpt

if TYPE_CHECKING:
    from afterword.domain.entries import Entry, EntryFilter

SinceOpt = Annotated[str | None, typer.Option(
    "--since", help="Only entries from this date or time on (2024-05-01, 2024-05-01T21:30).")]
UntilOpt = Annotated[str | None, typer.Option(
    "--until", help="Only entries up to and including this date (or before this time).")]
TagOpt = Annotated[str | None, typer.Option("--tag", "-t", help="Only entries with this tag.")]
PersonOpt = Annotated[str | None, typer.Option(
    "--person", "-p", help="Only entries about this person (alias).")]
EpisodeOpt = Annotated[str | None, typer.Option(
    "--episode", help="Only entries in this episode (number or exact name).")]
MoodOpt = Annotated[str | None, typer.Option(
    "--mood", help="Only entries with this mood (-2..2), or a range like -2..0.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="How many to show (1-1000).")]
PageOpt = Annotated[int, typer.Option("--page", help="Which page of results, from 1.")]


def _local_tz() -> Any:
    from datetime import datetime

    return datetime.now(UTC).astimezone().tzinfo


def _mood_range(text: str | None) -> tuple[int | None, int | None]:
    from afterword.errors import InvalidInput
    from afterword.messages import msg

    if text is None:
        return None, None
    try:
        if ".." in text:
            low, high = text.split("..", 1)
            return (int(low) if low else None), (int(high) if high else None)
        return int(text), int(text)
    except ValueError:
        raise InvalidInput(msg("journal.bad_mood_filter", value=text[:20])) from None


def _filters(unlocked: Any, since: str | None, until: str | None, tag: str | None,
             person: str | None, episode: str | None, mood: str | None) -> EntryFilter:
    from afterword.domain.entries import EntryFilter, parse_when
    from afterword.services.journal import domain_rules

    low, high = _mood_range(mood)
    episode_id = unlocked.journal.find_episode(episode).id if episode else None
    tz = _local_tz()
    with domain_rules():
        return EntryFilter(
            since=parse_when(since, tz) if since else None,
            until=parse_when(until, tz, end=True) if until else None,
            tag=tag, person=person, episode_id=episode_id, mood_min=low, mood_max=high,
        )


def _page(limit: int, page: int) -> int:
    from afterword.errors import InvalidInput
    from afterword.messages import msg

    if page < 1:
        raise InvalidInput(msg("journal.bad_page", limit=1000))
    return (page - 1) * limit


def _when(entry: Entry) -> str:
    return entry.created_at.strftime("%Y-%m-%d %H:%M")


def _preview(entry: Entry, width: int = 60) -> str:
    text = entry.title or next((ln for ln in entry.body.splitlines() if ln.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(entry: Entry) -> str:
    mood = f"{entry.mood:+d}" if entry.mood is not None else "  "
    extras = " ".join(["#" + t for t in entry.tags] + ["@" + p for p in entry.people])
    return f"{entry.id:>6}  {_when(entry)}  {mood}  {_preview(entry)}" + (
        f"  {extras}" if extras else "")


def _body_from(text: str | None, use_editor: bool, initial: str = "") -> str:
    if text == "-" or (text is None and not use_editor and not sys.stdin.isatty()):
        return sys.stdin.read()
    if text is not None:
        return text
    edited = cx.edit_text(initial)
    return edited.rstrip("\n")  # editors add a final newline the person did not type


def _check_in(unlocked: Any, entry_id: int) -> None:
    """Safety first (DESIGN §3): when what was just written suggests risk, the reflection
    area's crisis check opens at once (resources on stderr when there is no terminal)."""
    from afterword.cli.support import check_after_write

    check_after_write(unlocked, entry_id, unlocked.settings.locale)


def register(app: typer.Typer) -> None:  # noqa: C901 - one place that lists the commands
    """Add this area's commands to `app`."""

    @app.command("init", rich_help_panel="Journal")
    def init_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """Create a new encrypted journal and show its recovery key (once)."""
        from afterword.errors import JournalExists
        from afterword.messages import msg

        c = cx.of(ctx)
        services = c.services()
        if services.vault.exists():
            raise JournalExists(path=str(services.vault.path))
        passphrase = c.passphrase(confirm=True, key="journal.prompt_new_passphrase")
        created = services.vault.create(passphrase)
        kdf = created.kdf
        if as_json:
            cx.out_json({"path": str(created.path), "recovery_key": created.recovery_key,
                         "unlock_seconds": round(created.unlock_seconds, 3),
                         "kdf": {k: v for k, v in kdf.items() if k != "salt"}})
            return
        cx.info(msg("journal.created", path=str(created.path)))
        cx.info(msg("journal.recovery_key_intro"))
        cx.out(created.recovery_key)
        cx.info(msg("journal.unlock_time", seconds=f"{created.unlock_seconds:.2f}",
                    mib=kdf["memory_kib"] // 1024, passes=kdf["time_cost"]))

    @app.command("write", rich_help_panel="Journal")
    def write_cmd(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Argument(
            help="The entry. Use - to read stdin. Without it: stdin when piped, else $EDITOR "
                 "on a memory-only temp file.")] = None,
        title: Annotated[str | None, typer.Option("--title", help="Optional title.")] = None,
        mood: Annotated[int | None, typer.Option("--mood", min=-2, max=2,
                                                 help="How you feel, -2 to 2.")] = None,
        tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="A tag (repeat).")
                       ] = None,
        person: Annotated[list[str] | None, typer.Option(
            "--person", "-p", help="Someone this is about, by alias (repeat).")] = None,
        episode: EpisodeOpt = None,
        at: Annotated[str | None, typer.Option(
            "--at", help="When it was written, if not now (2024-05-01T21:30).")] = None,
        editor: Annotated[bool, typer.Option("--editor", "-e", help="Open $EDITOR.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Write a new entry."""
        from afterword.domain.entries import parse_when
        from afterword.messages import msg
        from afterword.services.journal import domain_rules
        from afterword.services.serialize import entry_to_dict

        c = cx.of(ctx)
        with domain_rules():
            created_at = parse_when(at, _local_tz()) if at else None
        c.services().vault.check()
        body = _body_from(text, editor)
        with c.unlock() as unlocked:
            episode_id = unlocked.journal.find_episode(episode).id if episode else None
            entry = unlocked.journal.write(
                body, title=title, mood=mood, tags=tag or (), people=person or (),
                episode=episode_id, created_at=created_at)
            if as_json:
                cx.out_json(entry_to_dict(entry))
            else:
                cx.out(str(entry.id))
                cx.info(msg("journal.saved", id=entry.id))
            _check_in(unlocked, entry.id)

    @app.command("list", rich_help_panel="Journal")
    def list_cmd(
        ctx: typer.Context,
        since: SinceOpt = None, until: UntilOpt = None, tag: TagOpt = None,
        person: PersonOpt = None, episode: EpisodeOpt = None, mood: MoodOpt = None,
        limit: LimitOpt = 20, page: PageOpt = 1, as_json: JsonOpt = False,
    ) -> None:
        """List entries, newest first."""
        from afterword.messages import msg
        from afterword.services.serialize import entry_to_dict

        with cx.of(ctx).unlock() as unlocked:
            filters = _filters(unlocked, since, until, tag, person, episode, mood)
            entries = unlocked.journal.list(filters, limit=limit, offset=_page(limit, page))
        if as_json:
            cx.out_json([entry_to_dict(e) for e in entries])
        elif not entries:
            cx.info(msg("journal.nothing_found"))
        else:
            for entry in entries:
                cx.out(_line(entry))

    @app.command("show", rich_help_panel="Journal")
    def show_cmd(ctx: typer.Context, entry_id: Annotated[int, typer.Argument(
            metavar="ID", help="Entry number (from `afterword list`).")],
                 as_json: JsonOpt = False) -> None:
        """Show one entry in full."""
        from afterword.messages import msg
        from afterword.services.serialize import entry_to_dict

        with cx.of(ctx).unlock() as unlocked:
            entry = unlocked.journal.get(entry_id)
            episode = (unlocked.journal.episode(entry.episode_id).title
                       if entry.episode_id is not None else None)
        if as_json:
            cx.out_json(entry_to_dict(entry))
            return
        facts = [msg("journal.show_entry", id=entry.id),
                 entry.created_at.strftime("%Y-%m-%d %H:%M %z")]
        if entry.mood is not None:
            facts.append(msg("journal.md_mood", mood=f"{entry.mood:+d}"))
        cx.out(" · ".join(facts))
        if entry.title:
            cx.out(entry.title)
        extras = []
        if entry.tags:
            extras.append(" ".join("#" + t for t in entry.tags))
        if entry.people:
            extras.append(msg("journal.md_people", people=", ".join(entry.people)))
        if episode:
            extras.append(msg("journal.md_episode", episode=episode))
        if extras:
            cx.out(" · ".join(extras))
        cx.out("")
        cx.out(entry.body)

    @app.command("edit", rich_help_panel="Journal")
    def edit_cmd(
        ctx: typer.Context,
        entry_id: Annotated[int, typer.Argument(metavar="ID", help="Entry number.")],
        body: Annotated[str | None, typer.Option(
            "--body", help="New text (- for stdin). Without any option, opens $EDITOR.")] = None,
        title: Annotated[str | None, typer.Option("--title", help="New title ('' clears).")
                         ] = None,
        mood: Annotated[str | None, typer.Option(
            "--mood", help="New mood -2..2, or 'none' to clear.")] = None,
        tag: Annotated[list[str] | None, typer.Option(
            "--tag", "-t", help="Replace the tags (repeat).")] = None,
        clear_tags: Annotated[bool, typer.Option("--clear-tags", help="Remove all tags.")
                              ] = False,
        person: Annotated[list[str] | None, typer.Option(
            "--person", "-p", help="Replace the people (repeat).")] = None,
        episode: Annotated[str | None, typer.Option(
            "--episode", help="Move to this episode (number or name; 'none' removes).")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Change an entry."""
        from afterword.errors import InvalidInput
        from afterword.messages import msg
        from afterword.services.serialize import entry_to_dict

        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = title or None
        if mood is not None:
            if mood.lower() == "none":
                changes["mood"] = None
            else:
                try:
                    changes["mood"] = int(mood)
                except ValueError:
                    raise InvalidInput(msg("journal.bad_mood_filter", value=mood[:20])) from None
        if clear_tags:
            changes["tags"] = ()
        elif tag:
            changes["tags"] = tag
        if person:
            changes["people"] = person
        c = cx.of(ctx)
        if body == "-":
            changes["body"] = sys.stdin.read()
        elif body is not None:
            changes["body"] = body
        with c.unlock() as unlocked:
            if episode is not None:
                changes["episode"] = (None if episode.lower() == "none"
                                      else unlocked.journal.find_episode(episode).id)
            if not changes:
                current = unlocked.journal.get(entry_id)
                changes["body"] = cx.edit_text(current.body).rstrip("\n")
            entry = unlocked.journal.update(entry_id, **changes)
            if as_json:
                cx.out_json(entry_to_dict(entry))
            else:
                cx.info(msg("journal.updated", id=entry.id))
            if "body" in changes or "title" in changes:
                _check_in(unlocked, entry.id)

    @app.command("delete", rich_help_panel="Journal")
    def delete_cmd(
        ctx: typer.Context,
        entry_id: Annotated[int, typer.Argument(metavar="ID", help="Entry number.")],
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; for scripts.")
                       ] = False,
    ) -> None:
        """Delete an entry for good (asks first)."""
        from afterword.messages import msg

        with cx.of(ctx).unlock() as unlocked:
            entry = unlocked.journal.get(entry_id)
            if not yes and not typer.confirm(
                    msg("journal.confirm_delete", id=entry.id, when=_when(entry)), err=True):
                cx.info(msg("common.interrupted"))
                raise SystemExit(1)
            unlocked.journal.delete(entry_id)
        cx.info(msg("journal.deleted", id=entry_id))

    @app.command("search", rich_help_panel="Journal")
    def search_cmd(
        ctx: typer.Context,
        query: Annotated[str, typer.Argument(
            help='Words to find (all must match); "a phrase" in quotes; pref* for a prefix.')],
        since: SinceOpt = None, until: UntilOpt = None, tag: TagOpt = None,
        person: PersonOpt = None, episode: EpisodeOpt = None, mood: MoodOpt = None,
        limit: LimitOpt = 20, page: PageOpt = 1, as_json: JsonOpt = False,
    ) -> None:
        """Search entries, best matches first, with the matching words highlighted."""
        from afterword.messages import msg
        from afterword.services.serialize import hit_to_dict

        with cx.of(ctx).unlock() as unlocked:
            filters = _filters(unlocked, since, until, tag, person, episode, mood)
            hits = unlocked.journal.search(query, filters, limit=limit,
                                           offset=_page(limit, page))
        if as_json:
            cx.out_json([hit_to_dict(h) for h in hits])
            return
        if not hits:
            cx.info(msg("journal.nothing_found"))
        marks = ("\x1b[1;7m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
        for hit in hits:
            snippet = " ".join(hit.marked_snippet(*marks).split())
            cx.out(f"{hit.entry.id:>6}  {_when(hit.entry)}  {snippet}")

    @app.command("tags", rich_help_panel="Journal")
    def tags_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """List tags and how many entries have each."""
        from afterword.messages import msg
        from afterword.services.serialize import tag_to_dict

        with cx.of(ctx).unlock() as unlocked:
            tags = unlocked.journal.tags()
        if as_json:
            cx.out_json([tag_to_dict(t) for t in tags])
        elif not tags:
            cx.info(msg("journal.no_tags"))
        for tag in [] if as_json else tags:
            cx.out(f"{tag.count:>6}  #{tag.name}")

    @app.command("people", rich_help_panel="Journal")
    def people_cmd(
        ctx: typer.Context,
        add: Annotated[str | None, typer.Option("--add", help="Add a person by alias.")] = None,
        note: Annotated[str | None, typer.Option("--note", help="A private note (with --add).")
                        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """List the people you write about (by the alias you chose), or add one."""
        from afterword.messages import msg
        from afterword.services.serialize import person_to_dict

        with cx.of(ctx).unlock() as unlocked:
            if add is not None:
                person = unlocked.journal.add_person(add, note)
                if as_json:
                    cx.out_json(person_to_dict(person))
                else:
                    cx.info(msg("journal.person_added", alias=person.alias))
                return
            people = unlocked.journal.people()
        if as_json:
            cx.out_json([person_to_dict(p) for p in people])
            return
        if not people:
            cx.info(msg("journal.no_people"))
        for p in people:
            cx.out(f"{p.entry_count:>6}  {p.alias}")

    @app.command("episodes", rich_help_panel="Journal")
    def episodes_cmd(
        ctx: typer.Context,
        add: Annotated[str | None, typer.Option("--add", help="Add an episode with this name.")
                       ] = None,
        person: Annotated[str | None, typer.Option("--person", "-p", help="Who it was with.")
                          ] = None,
        start: Annotated[str | None, typer.Option("--start", help="When it began (date).")
                         ] = None,
        end: Annotated[str | None, typer.Option("--end", help="When it ended (date).")] = None,
        note: Annotated[str | None, typer.Option("--note", help="A private note.")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """List episodes (an encounter or relationship you are processing), or add one."""
        from afterword.domain.entries import parse_when
        from afterword.messages import msg
        from afterword.services.journal import domain_rules
        from afterword.services.serialize import episode_to_dict

        with cx.of(ctx).unlock() as unlocked:
            if add is not None:
                tz = _local_tz()
                with domain_rules():
                    started = parse_when(start, tz).date() if start else None
                    ended = parse_when(end, tz).date() if end else None
                episode = unlocked.journal.add_episode(add, person=person, started_on=started,
                                                       ended_on=ended, note=note)
                if as_json:
                    cx.out_json(episode_to_dict(episode))
                else:
                    cx.out(str(episode.id))
                    cx.info(msg("journal.episode_added", id=episode.id, title=episode.title))
                return
            episodes = unlocked.journal.episodes()
        if as_json:
            cx.out_json([episode_to_dict(e) for e in episodes])
            return
        if not episodes:
            cx.info(msg("journal.no_episodes"))
        for e in episodes:
            who = f"  ({e.person})" if e.person else ""
            cx.out(f"{e.id:>4}  {e.title}{who}  · {e.entry_count}")

    @app.command("export", rich_help_panel="Journal")
    def export_cmd(
        ctx: typer.Context,
        fmt: Annotated[str, typer.Option("--format", "-f",
                                         help="json (complete, re-importable) or markdown.")
                       ] = "json",
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="File to write (created 0600). Default: stdout.")] = None,
        since: SinceOpt = None, until: UntilOpt = None, tag: TagOpt = None,
        person: PersonOpt = None, episode: EpisodeOpt = None, mood: MoodOpt = None,
    ) -> None:
        """Export entries. The export is NOT encrypted: keep it somewhere safe."""
        import os

        from afterword.errors import InvalidInput
        from afterword.messages import msg

        if fmt not in ("json", "markdown", "md"):
            raise InvalidInput(msg("journal.bad_export_format", value=fmt[:20]))
        with cx.of(ctx).unlock() as unlocked:
            filters = _filters(unlocked, since, until, tag, person, episode, mood)
            writer = (unlocked.exchange.export_json if fmt == "json"
                      else unlocked.exchange.export_markdown)
            if output is None:
                count = writer(sys.stdout, filters)
            else:
                fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                    count = writer(handle, filters)
        cx.info(msg("journal.exported", count=count))
        cx.info(msg("journal.export_unencrypted"))

    @app.command("import", rich_help_panel="Journal")
    def import_cmd(
        ctx: typer.Context,
        file: Annotated[Path, typer.Argument(help="The file to import.")],
        fmt: Annotated[str, typer.Option(
            "--format", "-f", help="auto, afterword, jrnl or dayone.")] = "auto",
        as_json: JsonOpt = False,
    ) -> None:
        """Import Afterword JSON, jrnl JSON or Day One JSON: all or nothing, no duplicates."""
        from afterword.messages import msg

        c = cx.of(ctx)
        with c.unlock() as unlocked:
            report = unlocked.exchange.import_file(file, fmt)
        if as_json:
            cx.out_json(report.to_dict())
        else:
            cx.info(msg("journal.imported", count=report.imported, format=report.format,
                        skipped=report.skipped_duplicates))

    @app.command("passwd", rich_help_panel="Journal")
    def passwd_cmd(
        ctx: typer.Context,
        recovery_key: Annotated[bool, typer.Option(
            "--recovery-key", help="Use the recovery key instead of the old passphrase.")
                                ] = False,
    ) -> None:
        """Change the passphrase (safe if interrupted: the old or the new one works).
        New passphrase from a prompt or AFTERWORD_NEW_PASSPHRASE."""
        from afterword.messages import msg

        c = cx.of(ctx)
        services = c.services()
        services.vault.check()
        if recovery_key:
            key = c.prompt(msg("journal.prompt_recovery_key"), False)
            new = c.new_passphrase()
            services.vault.reset_passphrase_with_recovery_key(key, new)
        else:
            old = c.passphrase()
            new = c.new_passphrase()
            services.vault.change_passphrase(old, new)
        cx.info(msg("journal.passphrase_changed"))

    @app.command("backup", rich_help_panel="Journal")
    def backup_cmd(
        ctx: typer.Context,
        dest: Annotated[Path, typer.Argument(
            help="Backup file, or a folder to put a dated backup in.")],
    ) -> None:
        """Make an encrypted backup (opens with the same passphrase); safe while in use."""
        from afterword.messages import msg

        c = cx.of(ctx)
        services = c.services()
        services.vault.check()
        result = services.vault.backup(c.passphrase(), dest)
        cx.out(str(result.path))
        cx.info(msg("journal.backed_up", path=str(result.path),
                    header=str(result.header_path)))

    @app.command("doctor", rich_help_panel="Journal")
    def doctor_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """Check the journal: integrity, schema version, key settings, counts."""
        from afterword.messages import msg

        c = cx.of(ctx)
        services = c.services()
        services.vault.check()
        report = services.vault.doctor(c.passphrase())
        if as_json:
            cx.out_json(report.to_dict())
        else:
            kdf = report.kdf
            cx.out(msg("journal.doctor_report", path=str(report.path),
                       size=f"{report.size_bytes / 1024 / 1024:.1f}",
                       integrity=", ".join(report.integrity_check),
                       cipher="ok" if not report.cipher_integrity_check else "FAILED",
                       fts="ok" if report.fts_ok else "FAILED",
                       schema=report.schema_revision, head=report.schema_head,
                       kdf=f"{kdf['name']} {kdf['memory_kib'] // 1024} MiB, "
                           f"t={kdf['time_cost']}, p={kdf['parallelism']}",
                       cipher_version=report.cipher_version,
                       **report.counts))
            cx.info(msg("journal.doctor_ok" if report.ok else "journal.doctor_bad"))
        if not report.ok:
            raise SystemExit(4)
