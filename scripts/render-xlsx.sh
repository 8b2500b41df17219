#!/usr/bin/env bash
# Renders an .xlsx the way a reader would see it printed: LibreOffice converts it to PDF, then
# pdftoppm turns each page into a PNG (60 dpi is enough to see that charts draw, and keeps files small).
#
#   scripts/render-xlsx.sh INPUT.xlsx OUTDIR
#
# Writes OUTDIR/NAME.pdf and OUTDIR/NAME-N.png (N = page number), and prints the PDF path.
# Needs `libreoffice` (Debian: libreoffice-calc) and `pdftoppm` (Debian: poppler-utils).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 INPUT.xlsx OUTDIR" >&2
  exit 2
fi
input="$1"
outdir="$2"
if [ ! -f "$input" ]; then
  echo "render-xlsx: no such file: $input" >&2
  exit 2
fi
for tool in libreoffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "render-xlsx: $tool is not installed (apt-get install -y libreoffice-calc poppler-utils)" >&2
    exit 3
  fi
done

mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
name="$(basename "$input")"
name="${name%.*}"

# A private LibreOffice profile per run: two conversions sharing ~/.config/libreoffice block each
# other (the second silently does nothing), and CI may run test files in parallel.
profile="$(mktemp -d "${TMPDIR:-/tmp}/render-xlsx-profile.XXXXXX")"
trap 'rm -rf "$profile"' EXIT

timeout 300 libreoffice --headless --norestore "-env:UserInstallation=file://$profile" \
  --convert-to pdf --outdir "$outdir" "$input" >"$profile/convert.log" 2>&1 || {
  echo "render-xlsx: libreoffice failed:" >&2
  cat "$profile/convert.log" >&2
  exit 1
}
pdf="$outdir/$name.pdf"
if [ ! -s "$pdf" ]; then
  echo "render-xlsx: libreoffice wrote no PDF:" >&2
  cat "$profile/convert.log" >&2
  exit 1
fi

rm -f "$outdir/$name"-*.png
pdftoppm -png -r 60 "$pdf" "$outdir/$name"
echo "$pdf"
