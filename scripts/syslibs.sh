#!/bin/sh
# Make sure the system libraries the Qt wheels load are present (Debian/Ubuntu).
# Installs what is missing when run as root (or with password-less sudo); otherwise says
# exactly what to install. On other systems it does nothing.
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
echo "Installing system libraries for Qt:$missing"
if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
fi
echo "Missing system libraries:$missing" >&2
echo "Install them with: sudo apt-get install$missing" >&2
exit 1
