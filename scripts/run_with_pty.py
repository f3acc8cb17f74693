#!/usr/bin/env python3
"""Runs a command with its standard error on a pseudo-terminal (as in an interactive shell) and its
standard output on a pipe; prints what each received, as JSON: {"status", "stdout", "stderr"}.

usage: run_with_pty.py [--env NAME=VALUE]... -- COMMAND [ARG]...

For tests of terminal-only output (the progress line of `portcullis check`).
"""
import json
import os
import pty
import subprocess
import sys
import threading


def main():
    args = sys.argv[1:]
    env = dict(os.environ)
    while args and args[0] != "--":
        if args[0] == "--env" and len(args) > 1:
            name, _, value = args[1].partition("=")
            env[name] = value
            args = args[2:]
        else:
            print(__doc__)
            sys.exit(2)
    command = args[1:]
    primary, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, env=env)
    os.close(secondary)
    # Standard output is read on a thread of its own, so a full pipe never blocks the child.
    stdout = bytearray()
    reader = threading.Thread(target=lambda: stdout.extend(process.stdout.read()))
    reader.start()
    received = bytearray()
    # Read the terminal until the child closes it (EIO on Linux once no process holds it).
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    reader.join()
    status = process.wait()
    os.close(primary)
    print(json.dumps({"status": status, "stdout": bytes(stdout).decode("utf-8", "replace"),
                      "stderr": received.decode("utf-8", "replace")}))


if __name__ == "__main__":
    main()
