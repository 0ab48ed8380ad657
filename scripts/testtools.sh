#!/bin/sh
# The programs some tests print with (LibreOffice turns an exported workbook into PDF pages,
# pdftotext reads a handout back). Each is installed only when its command is missing (Debian/
# Ubuntu, as root or with password-less sudo), so a LibreOffice already installed is left as it
# is. When it cannot be installed the suite still runs and names the skipped print tests.
command -v apt-get >/dev/null 2>&1 || exit 0
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
echo "Installing the programs the print tests use:$missing"
if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing && exit 0
fi
echo "Could not install:$missing; the tests that print with them are skipped" >&2
echo "(install them with: sudo apt-get install$missing)" >&2
exit 0
