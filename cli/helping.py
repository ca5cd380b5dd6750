"""``pxl help [COMMAND [SUBCOMMAND]]``: the same text as ``pxl COMMAND --help``."""

from __future__ import annotations

import click


@click.command("help")
@click.argument("command", nargs=-1)
@click.pass_context
def help_command(ctx: click.Context, command: tuple[str, ...]) -> None:
    """Show the help of COMMAND: `pxl help import` prints what `pxl import --help` does."""
    group = ctx.parent.command
    target, target_ctx = group, ctx.parent
    for name in command:
        if not isinstance(target, click.Group):
            raise click.UsageError(f"'{target_ctx.command_path}' has no subcommands", ctx)
        found = target.get_command(target_ctx, name)
        if found is None:
            # the group's own lookup names the command and suggests the closest one
            target.resolve_command(target_ctx, [name])
        target_ctx = click.Context(found, info_name=name, parent=target_ctx)
        target = found
    click.echo(target.get_help(target_ctx))


def register(group: click.Group) -> None:
    group.add_command(help_command)
