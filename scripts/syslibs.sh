#!/bin/sh
# Make sure the Debian/Ubuntu packages given are present: installs what is missing when run as
# root (or with password-less sudo); otherwise says exactly what to install. On other systems it
# does nothing.
#   syslibs.sh PKG...                        the system libraries the Qt wheels load (required)
#   syslibs.sh --optional WHAT PKG...        programs some tests use: a failure is said, not fatal
command -v dpkg-query >/dev/null 2>&1 || exit 0
what="system libraries for Qt"
optional=""
if [ "$1" = "--optional" ]; then
    optional=1
    what="$2"
    shift 2
fi
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
echo "Installing $what:$missing"
if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
fi
if [ -n "$optional" ]; then
    echo "Could not install:$missing; the tests that need them are skipped, by name" >&2
    echo "(install them with: sudo apt-get install$missing)" >&2
    exit 0
fi
echo "Missing system libraries:$missing" >&2
echo "Install them with: sudo apt-get install$missing" >&2
exit 1
