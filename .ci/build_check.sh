#!/usr/bin/env bash
# Build the one-folder program with PyInstaller and prove it runs:
#   1. `QuickReply --smoke-test` with QT_QPA_PLATFORM=offscreen (no screen, no tray);
#   2. where Xvfb, openbox and trayer exist: the same on a real X server, where the
#      tray icon must appear, then `quickreply-cli doctor`, which must find nothing wrong.
# Each run gets a fresh temporary data folder.  Fails on a non-zero exit, a missing
# "smoke test passed" line or anything at all on stderr.
# Runs on Linux and, under Git Bash, on Windows (the GitHub workflow uses it there).
#
#   bash .ci/build_check.sh            # build into build/ and dist/, then check
#   SKIP_BUILD=1 bash .ci/build_check.sh   # check an existing dist/QuickReply
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${DIST:-dist}
WORK=${WORK:-build}
if [ -z "${SKIP_BUILD:-}" ]; then
  start=$(date +%s)
  "${PYTHON:-python}" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" build.spec
  echo "build_check: pyinstaller took $(( $(date +%s) - start )) s"
fi

APP="$DIST/QuickReply/QuickReply"
CLI="$DIST/QuickReply/quickreply-cli"
if [ -f "$APP.exe" ]; then APP="$APP.exe"; CLI="$CLI.exe"; fi
[ -x "$APP" ] || { echo "build_check: $APP was not built" >&2; exit 1; }

TMP=$(mktemp -d)
cleanup() {
  for pid in ${XPIDS:-}; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# run_frozen NAME EXPECTED_EXIT|any COMMAND...: a fresh data folder; stderr must stay empty.
run_frozen() {
  local name=$1 expected=$2; shift 2
  local home="$TMP/$name"
  mkdir -p "$home"
  local code=0
  env QUICKREPLY_DB="$home/data/library.db" QUICKREPLY_LOG_DIR="$home/log" \
      HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
      XDG_STATE_HOME="$home/state" LOCALAPPDATA="$home/appdata" APPDATA="$home/appdata" \
      timeout 60 "$@" >"$home/stdout" 2>"$home/stderr" || code=$?
  if { [ "$expected" != any ] && [ "$code" != "$expected" ]; } || [ -s "$home/stderr" ]; then
    echo "build_check: $name: exit $code (expected $expected)" >&2
    echo "--- stdout"; cat "$home/stdout"
    echo "--- stderr"; cat "$home/stderr"
    echo "--- log"; cat "$home/log/quickreply.log" 2>/dev/null || true
    exit 1
  fi
  echo "build_check: $name ok"
}

# A windowed Windows program may have no stdout, so the log is where "passed" is read.
passed() {
  grep -q "smoke test passed" "$TMP/$1/log/quickreply.log" || {
    echo "build_check: $1: no 'smoke test passed' in the log" >&2; exit 1; }
  grep -h "smoke test passed" "$TMP/$1/log/quickreply.log" | sed 's/^.*INFO /  /'
}

if [ "$(uname -s)" = Linux ]; then
  run_frozen offscreen 0 env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
    "$APP" --smoke-test
  passed offscreen
else
  run_frozen native 0 "$APP" --smoke-test  # Windows/macOS: the real desktop and its tray
  passed native
  # A CI runner's desktop may lack what an agent's PC has: print the report, don't judge it.
  run_frozen doctor any "$CLI" --db "$TMP/native/data/library.db" doctor
  cat "$TMP/doctor/stdout"
  echo "build_check: passed"
  exit 0
fi

if command -v Xvfb >/dev/null && command -v openbox >/dev/null && command -v trayer >/dev/null; then
  exec 3> "$TMP/displayfd"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XPIDS="$!"
  exec 3>&-
  for _ in $(seq 100); do [ -s "$TMP/displayfd" ] && break; sleep 0.1; done
  export DISPLAY=":$(head -n1 "$TMP/displayfd")"
  openbox --sm-disable >/dev/null 2>&1 & XPIDS="$XPIDS $!"
  # The app itself waits up to 5 s for a tray host, as it does at login.
  trayer --edge bottom --align right --widthtype request --height 24 --SetDockType true \
    >/dev/null 2>&1 & XPIDS="$XPIDS $!"
  run_frozen x11 0 env -u QT_QPA_PLATFORM "$APP" --smoke-test
  passed x11
  grep -q "tray shown" "$TMP/x11/log/quickreply.log" || { echo "build_check: no tray on X11" >&2; exit 1; }
  run_frozen doctor 0 env -u QT_QPA_PLATFORM "$CLI" --db "$TMP/x11/data/library.db" doctor
  sed 's/^/  /' "$TMP/doctor/stdout"
else
  echo "build_check: Xvfb/openbox/trayer not installed; the tray run was skipped"
fi
echo "build_check: passed"
