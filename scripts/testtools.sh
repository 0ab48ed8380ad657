#!/bin/sh
# The programs some tests print with (LibreOffice turns an exported workbook into PDF pages,
# pdftotext reads a handout back), installed only when the command is missing, so that a
# LibreOffice already installed is left as it is. When they cannot be installed the suite still
# runs and names the skipped print tests.
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
exec sh "$(dirname "$0")/syslibs.sh" --optional "the programs the print tests use" $missing
