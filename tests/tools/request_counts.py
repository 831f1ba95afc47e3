#!/usr/bin/env python3
"""Counts the requests of a site's content straight from their front matter,
independently of agora, for the tests that compare the dashboard with
content/ (tests/e2e/clearing_house_site.sh, tests/browser/support.test.js).

Usage: request_counts.py SITE_ROOT  ->  JSON on stdout:
  {"requests": [real, examples], "successful": [real, examples],
   "by": {"status": {VALUE: [real, examples]}, "regions": {ID: [...]},
          "services": {ID: [...]}}, "names": {ID: NAME},
   "examples": [paths of documents with example: true],
   "open": [real, examples]}

It reads site.yaml only for the role names (clearing_house), the status
values, the vocabulary files and the country-to-region file; terms are
resolved by id, name or alias, countries by ISO 3166 name or code.
"""
import glob
import json
import os
import sys

import yaml

ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    return yaml.safe_load(text[4:end]) or {}


def vocabulary(root, file):
    """id -> name, and every spelling (id, name, alias; lower-cased) -> id."""
    with open(os.path.join(root, file), encoding="utf-8") as f:
        terms = yaml.safe_load(f)
    names, ids = {}, {}
    for term in terms:
        names[term["id"]] = term["name"]
        for spelling in [term["id"], term["name"]] + term.get("aliases", []):
            ids[str(spelling).lower()] = term["id"]
    return names, ids


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "site.yaml"), encoding="utf-8") as f:
        site = yaml.safe_load(f)
    house = site["clearing_house"]
    roles = house["requests"]
    rtype = roles["type"]
    fields = {f["name"]: f for f in site["types"][rtype]["fields"]}
    fields.update({f["name"]: f for f in site["common_fields"]})
    statuses = fields[roles["status"]]["values"]
    successful = house["statuses"]["successful"]
    opened = house["statuses"]["open"]
    taxonomies = site["taxonomies"]

    def terms_of(taxonomy):
        return vocabulary(root, taxonomies[taxonomy]["vocabulary"]["file"])

    region_names, region_ids = terms_of("regions")
    with open(ISO_3166, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    country_ids = {}
    for c in iso:
        for spelling in (c["alpha_2"], c["alpha_3"], c["name"], c.get("common_name", "")):
            if spelling:
                country_ids[spelling.lower()] = c["alpha_2"]
    with open(os.path.join(root, taxonomies["countries"]["broader"]["file"]), encoding="utf-8") as f:
        country_region = yaml.safe_load(f)

    counts = {"requests": [0, 0], "successful": [0, 0], "open": [0, 0], "examples": [], "names": {},
              "by": {name: {} for name in house["dashboard"]}}
    for value in statuses:
        counts["by"][roles["status"]][value] = [0, 0]

    def add(table, key, k):
        table.setdefault(key, [0, 0])[k] += 1

    for path in sorted(glob.glob(os.path.join(root, "content", rtype, "*.md"))):
        doc = front_matter(path)
        if doc.get("draft"):
            continue
        k = 1 if doc.get(roles["example"]) is True else 0
        if k:
            counts["examples"].append(os.path.relpath(path, root))
        counts["requests"][k] += 1
        status = doc[roles["status"]]
        if status in successful and doc.get(roles["matches"]):
            counts["successful"][k] += 1
        if status in opened:
            counts["open"][k] += 1
        for name in house["dashboard"]:
            field = fields[name]
            if field["type"] == "enum":
                add(counts["by"][name], doc[name], k)
                continue
            names, ids = terms_of(field["taxonomy"])
            found = [ids[str(t).lower()] for t in doc.get(name) or []]
            # A request for a country counts under the country's region.
            if field["taxonomy"] == taxonomies["countries"]["broader"]["taxonomy"]:
                for country in doc.get("countries") or []:
                    found.append(country_region[country_ids[str(country).lower()]])
            for term in dict.fromkeys(found):
                add(counts["by"][name], term, k)
                counts["names"][term] = names[term]
    json.dump(counts, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
