#pragma once
// Loading: site.yaml, vocabularies, content files -> a validated Site.

#include <optional>
#include <string>

#include "content/body_cache.h"
#include "content/front_matter_cache.h"
#include "model/site.h"
#include "sources/git_history.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

struct LoadOptions {
  bool include_drafts = false;  // build --drafts
  // Render each body's HTML while it is parsed (build); check needs none.
  bool body_html = true;
  unsigned threads = 0;  // 0: one per core
  // Packs the documents once loaded (compact_documents in site_loader.cpp):
  // for a build, which holds the site to its end. A command that lets the
  // site go at once would only pay for the copy: 1.3 s of agora check's
  // 5 s at 10,000 documents, and a higher peak.
  bool pack = false;
  // Fills each document's last_updated and contributors; null: no history
  // (pages show their front matter dates).
  const HistorySource* history = nullptr;
  // Bodies parsed by an earlier build, and where this one's go; null:
  // every body is parsed.
  BodyCache* bodies = nullptr;
  // Front matter trees parsed by an earlier build, and where this one's go
  // (those of documents without a diagnostic); null: every front matter is
  // parsed. When a document whose tree was built back has a diagnostic, the
  // load runs again with that document's front matter parsed: a tree built
  // back has no positions to report.
  FrontMatterCache* trees = nullptr;
};

// Reads the site whose configuration is `config_path` (its folder is the site
// root). Collects every problem into diags. Returns nullopt only when the
// configuration or a vocabulary is unusable; otherwise the site holds every
// document that parsed, and the caller decides what errors in diags mean
// (check reports them all, build stops before writing).
// Drafts are left out (and reported as warnings) unless include_drafts.
std::optional<Site> load_site(const FileSystem& fs, const std::string& config_path,
                              const LoadOptions& options, Diagnostics* diags);

// The site root of `config_path`: the folder that holds it.
std::string site_root(const std::string& config_path);

// Parses site.yaml only.
std::optional<SiteConfig> load_config(const FileSystem& fs, const std::string& config_path,
                                      Diagnostics* diags);

}  // namespace agora
