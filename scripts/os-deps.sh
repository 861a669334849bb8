#!/usr/bin/env bash
# Installs what the test suite needs from the operating system when it is missing and this machine
# allows it (root with apt-get); says clearly what it could not install. Never fails the build itself:
# the tests that need a missing piece report it.
set -u

missing=()
need() { # need PACKAGE CHECK-COMMAND...
  local package=$1; shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
has_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
has_postgres_server() {
  command -v initdb || { command -v pg_config && test -x "$(pg_config --bindir)/initdb"; } ||
    ls /usr/lib/postgresql/*/bin/initdb
}

need poppler-utils command -v pdftoppm
need zbar-tools command -v zbarimg  # decodes the QR code on every document page (tests)
need fonts-arphic-uming test -f /usr/share/fonts/truetype/arphic/uming.ttc
need xvfb command -v xvfb-run
need postgresql has_postgres_server
need libegl1 has_lib libEGL.so.1
need libgl1 has_lib libGL.so.1
need libopengl0 has_lib libOpenGL.so.0
need libxkbcommon0 has_lib libxkbcommon.so.0
need libxkbcommon-x11-0 has_lib libxkbcommon-x11.so.0
need libfontconfig1 has_lib libfontconfig.so.1
need libdbus-1-3 has_lib libdbus-1.so.3
need libglib2.0-0 has_lib libglib-2.0.so.0
# Qt's xcb platform (a real or Xvfb screen: `make run`, screenshots)
need libxcb-cursor0 has_lib libxcb-cursor.so.0
need libxcb-icccm4 has_lib libxcb-icccm.so.4
need libxcb-keysyms1 has_lib libxcb-keysyms.so.1
need libxcb-image0 has_lib libxcb-image.so.0
need libxcb-randr0 has_lib libxcb-randr.so.0
need libxcb-render-util0 has_lib libxcb-render-util.so.0
need libxcb-shape0 has_lib libxcb-shape.so.0
need libxcb-xinerama0 has_lib libxcb-xinerama.so.0
need libxcb-xkb1 has_lib libxcb-xkb.so.1

if [ ${#missing[@]} -eq 0 ]; then
  echo "os-deps: everything the suite needs is installed"
  exit 0
fi

echo "os-deps: missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "os-deps: cannot install them here (needs root and apt-get): install them by hand;"
  echo "os-deps: tests that need them will say so (PostgreSQL leg skipped, PDF checks fail)."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq || ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "os-deps: apt-get could not install: ${missing[*]}"
  exit 0
fi
echo "os-deps: installed ${missing[*]}"
