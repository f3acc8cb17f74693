#!/usr/bin/env python3
"""Checks that an HTML report of `portcullis check --format html` is one self-contained, well-formed page.

usage: check_html_report.py REPORT.html [--text TEXT]...

Parsed with python's html.parser: elements open and close in order; one inline <script> and one
<style>, their SHA-256 hashes listed in the page's Content-Security-Policy; no src attribute, no
<link>, <img>, <iframe>, <object> or <embed>, no @import, url() or @font-face in the style; every
href an in-page fragment except help links (class "help-link", https). Each --text must appear as
text (character data) of the page: how a manifest value holding markup must come out.
exit 0 when all holds, 1 otherwise (each problem printed).
"""
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"link", "img", "iframe", "object", "embed", "frame", "base", "audio", "video", "source", "track"}


class Report(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.scripts = []
        self.styles = []
        self.csp = None
        self.text = []
        self.current = None
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        attributes = dict(attrs)
        where = f"line {self.getpos()[0]}"
        if tag in FORBIDDEN:
            self.problems.append(f"{where}: <{tag}> loads or embeds an outside resource")
        if "src" in attributes:
            self.problems.append(f"{where}: <{tag} src=…>: the page must hold everything itself")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{where}: <{tag} {name}=…>: an inline event handler")
        href = attributes.get("href")
        if href is not None and not href.startswith("#"):
            if not (tag == "a" and "help-link" in (attributes.get("class") or "").split() and href.startswith("https://")):
                self.problems.append(f"{where}: <{tag} href={href!r}>: only in-page links and help links may leave the page")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = attributes.get("content") or ""
        if tag in ("script", "style"):
            self.current = (tag, [])
        if tag not in VOID:
            self.stack.append((tag, where))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            opened = self.stack[-1] if self.stack else ("nothing", "")
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes <{opened[0]}> opened at {opened[1]}")
            return
        self.stack.pop()
        if tag in ("script", "style") and self.current:
            (self.scripts if tag == "script" else self.styles).append("".join(self.current[1]))
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.current[1].append(data)
        else:
            self.text.append(data)


def digest(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    path, texts = args[0], []
    rest = args[1:]
    while rest:
        if rest[0] == "--text" and len(rest) > 1:
            texts.append(rest[1])
            rest = rest[2:]
        else:
            print(f"unknown argument {rest[0]}")
            sys.exit(2)
    source = open(path, encoding="utf-8").read()
    report = Report()
    report.feed(source)
    report.close()
    problems = report.problems
    if not source.startswith("<!DOCTYPE html>"):
        problems.append("the page does not start with <!DOCTYPE html>")
    for tag, where in report.stack:
        problems.append(f"<{tag}> opened at {where} is never closed")
    if len(report.scripts) != 1 or len(report.styles) != 1:
        problems.append(f"{len(report.scripts)} <script> and {len(report.styles)} <style> elements; one each expected")
    if report.csp is None:
        problems.append("no Content-Security-Policy")
    else:
        if "default-src 'none'" not in report.csp:
            problems.append("the Content-Security-Policy does not start from default-src 'none'")
        for kind, bodies in (("script", report.scripts), ("style", report.styles)):
            for body in bodies:
                if f"'{digest(body)}'" not in report.csp:
                    problems.append(f"the {kind}'s hash {digest(body)} is not in the Content-Security-Policy "
                                    f"(update HTMLReporter.{kind}Hash)")
    for style in report.styles:
        for pattern in (r"@import", r"url\(", r"@font-face"):
            if re.search(pattern, style):
                problems.append(f"the style uses {pattern.replace(chr(92), '')}: nothing may be loaded")
    text = "".join(report.text)
    for expected in texts:
        if expected not in text:
            problems.append(f"{expected!r} is not in the page's text")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{path}: self-contained, {report.elements} elements")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
