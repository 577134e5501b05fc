#!/usr/bin/env bash
# Regenerates the pictures in docs/reporting.md: one per section of the demo company's report (report-section-N.png)
# and of Financiality's business review (review-section-N.png), taken in headless Chromium from what the CLI writes.
#
#   bash docs/images/screenshots.sh        (needs the .NET SDK and chromium: apt-get install chromium)
#
# A picture is one section: a copy of the page shows only the section its address names (CSS :target), and the window
# is as tall as the section is estimated to be (its charts' heights at the page's width, its table rows, its text).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build samples/CustomerSuccess.Cli -c Release -nologo -v quiet >/dev/null
cli=(dotnet samples/CustomerSuccess.Cli/bin/Release/net10.0/customersuccess.dll)
"${cli[@]}" report --out "$work/report.html" >/dev/null
"${cli[@]}" report --account acct-financiality --out "$work/review.html" >/dev/null
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

for page in report review; do
  sed 's#</style>#section:not(:target) { display: none; } header { display: none; }\n</style>#' "$work/$page.html" > "$work/$page-one.html"
  count=$(grep -c '<section id=' "$work/$page.html")
  for ((i = 1; i <= count; i++)); do
    # The section's height at a 1000-pixel window (a 948-pixel column): its SVGs scaled to the column (a package's
    # chart is at most 640 wide), 24 pixels a table row, 70 a paragraph, then a tenth more for rows that wrap and 120 for
    # the heading and margins.
    height=$(awk -v id="<section id=\"section-$i\">" '
      index($0, id) { on = 1 }
      on && /<\/section>/ { on = 0 }
      on {
        n = split($0, parts, "viewBox=\"0 0 ")
        for (k = 2; k <= n; k++) { split(parts[k], wh, "[ \"]"); scale = (parts[k - 1] ~ /package-chart/ ? 640 : 948) / wh[1]; h += wh[2] * scale + 40 }
        h += gsub(/<tr>/, "") * 24 + gsub(/<p>/, "") * 70 + gsub(/<caption>/, "") * 30
      }
      END { printf "%d", h * 1.1 + 120 }' "$work/$page.html")
    "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --hide-scrollbars \
      --window-size=1000,"$height" --screenshot="docs/images/$page-section-$i.png" "file://$work/$page-one.html#section-$i" >/dev/null 2>&1
    echo "docs/images/$page-section-$i.png (1000 x $height)"
  done
done
