#!/usr/bin/env bash
# The bundled clearing-house, built by the real binary: the dashboard's
# figures (its page, data/requests-figures.json and .csv, the "figures" of
# data/requests.json) equal the counts of content/requests/ read straight
# from the front matter (tests/tools/request_counts.py); every example is
# labelled on its page and in its listing, and no real request is; the
# content licence is in the footer, on the downloads page and in every data
# file; the Find support pages exist, one per country.
# Usage: clearing_house_site.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$agora" build --config "$repo/site.yaml" --out "$work/site" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
python3 "$repo/tests/tools/request_counts.py" "$repo" >"$work/counts.json"

python3 - "$work/site" "$work/counts.json" "$repo" <<'EOF'
import csv, glob, html, json, os, re, sys

site, counts_file, repo = sys.argv[1:]
counts = json.load(open(counts_file, encoding="utf-8"))
failures = []
def check(ok, what):
    if not ok:
        failures.append(what)

def read(path):
    with open(os.path.join(site, path), encoding="utf-8") as f:
        return f.read()

# --- the figures as open data -------------------------------------------------
figures = json.loads(read("data/requests-figures.json"))
check(figures["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
      "requests-figures.json states the licence")
f = figures["figures"]
pair = lambda c: [c["real"], c["examples"]]
check(pair(f["requests"]) == counts["requests"], f"requests {pair(f['requests'])} != {counts['requests']}")
check(pair(f["successful_matching_cases"]) == counts["successful"],
      f"successful {pair(f['successful_matching_cases'])} != {counts['successful']}")
for field, table in counts["by"].items():
    got = {c["key"]: [c["real"], c["examples"]] for c in f["by"][field] if c["real"] or c["examples"]}
    want = {k: v for k, v in table.items() if v != [0, 0]}
    check(got == want, f"by {field}: {got} != {want}")
data = json.loads(read("data/requests.json"))
check(data["figures"] == f, "data/requests.json carries the same figures")
check(len(data["documents"]) == sum(counts["requests"]), "data/requests.json lists every request")
rows = list(csv.reader(open(os.path.join(site, "data/requests-figures.csv"), encoding="utf-8", newline="")))
check(rows[0] == ["figure", "key", "real", "examples", "license"], f"CSV header {rows[0]}")
check(rows[1][:4] == ["requests", "", str(counts["requests"][0]), str(counts["requests"][1])], f"CSV {rows[1]}")
check(all(r[4] == "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/" for r in rows[1:]),
      "every CSV row states the licence")
for path in glob.glob(os.path.join(site, "data", "*.json")):
    check(json.load(open(path, encoding="utf-8"))["license"]["name"] == "CC BY 4.0", f"{path} states the licence")
for path in glob.glob(os.path.join(site, "data", "*.csv")):
    check(open(path, encoding="utf-8").readline().rstrip("\r\n").endswith(",license"), f"{path} has a licence column")

# --- the dashboard page ---------------------------------------------------------
page = read("support/dashboard/index.html")
def figure(name):
    m = re.search(r'data-figure="%s">([^<]*)<' % name, page)
    return m and m.group(1)
check(figure("requests") == str(counts["requests"][0]), "dashboard: real requests")
check(figure("examples") == str(counts["requests"][1]), "dashboard: examples")
check(figure("successful") == str(counts["successful"][0]), "dashboard: successful matching cases")
for field, table in counts["by"].items():
    section = re.search(r'<h2 id="by-%s">(.*?)</section>' % field, page, re.S)
    check(section is not None, f"dashboard: a section by {field}")
    if not section:
        continue
    shown = {}
    for key, real, examples in re.findall(
            r'<tr data-key="([^"]*)">.*?<td data-real>(\d+)</td><td data-examples>(\d+)</td>', section.group(1)):
        shown[html.unescape(key)] = [int(real), int(examples)]
    want = {counts["names"].get(k, k): v for k, v in table.items()}
    check(shown == want, f"dashboard by {field}: {shown} != {want}")
main = page.split("<main", 1)[1].split("</main>", 1)[0]
check(main.count("<svg") >= 3 and main.count('<svg role="img" aria-labelledby="') == main.count("<svg"),
      "every chart has role=img and a name")

# --- examples are labelled, real requests are not ---------------------------------
label = 'class="example-label'
for path in glob.glob(os.path.join(repo, "content", "requests", "*.md")):
    slug = os.path.basename(path)[:-3]
    text = read(f"requests/{slug}/index.html")
    example = f"content/requests/{slug}.md" in counts["examples"]
    check((label in text.split("<main", 1)[1].split("<footer", 1)[0].split('class="related"')[0]) == example,
          f"requests/{slug}: label shown = {not example}")
listing = read("requests/index.html")
check(listing.count(label) == len(counts["examples"]), "the requests listing labels each example once")

# --- the licence on pages; the Find support pages ------------------------------------
for path in ["index.html", "downloads/index.html", "support/index.html"]:
    check('rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in read(path), f"{path}: licence")
check(read("downloads/index.html").count('rel="license"') >= 2, "downloads: the licence in the page, not only the footer")
iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
missing = [c["alpha_2"] for c in iso if not os.path.exists(os.path.join(site, "support/countries", c["alpha_2"].lower(), "index.html"))]
check(not missing, f"country pages missing: {missing[:5]}")
for path in ["support/", "support/request/", "support/dashboard/", "support/needs/", "support/countries/"]:
    check(os.path.exists(os.path.join(site, path, "index.html")), f"{path} exists")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"clearing-house site: {counts['requests'][0]} real requests and {counts['requests'][1]} examples, "
      f"{counts['successful'][0]} successful matching cases, as content/ says; "
      f"{len(iso)} country pages; the licence in every data file")
EOF
