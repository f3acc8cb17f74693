#!/usr/bin/env bash
# Installs the system libraries Portcullis builds against (libyaml, PCRE2) when they are missing.
# As root it uses apt-get; otherwise it says what to install and fails.
set -euo pipefail

need=()
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
have_pc yaml-0.1 || need+=(libyaml-dev)
have_pc libpcre2-8 || need+=(libpcre2-dev)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "setup: missing ${need[*]}; install them (e.g. sudo apt-get install ${need[*]})" >&2
  exit 1
fi
