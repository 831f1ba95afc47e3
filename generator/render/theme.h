#pragma once
// The theme a site renders with, loaded and checked before anything renders:
// its templates (site templates/ first, then the theme's), its words for the
// site's language (i18n/LANG.yaml, the site's own overriding the theme's),
// and its assets. Loading reports every problem; render then touches no file.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "render/mustache.h"
#include "render/site_files.h"
#include "render/words.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

struct Theme {
  std::string dir;  // the theme folder in use
  // Every template by name ("home", "item"), as the site overrides them;
  // shared with the template set, which parses each on first use.
  std::shared_ptr<const std::map<std::string, TemplateFile>> files;
  std::unique_ptr<TemplateSet> templates;
  Words words;                                     // the default language's
  std::map<std::string, Words> words_by_language;  // every language's, by code
  SiteFiles assets;  // the theme's assets/ then the site's, by output path

  const Words& words_for(const std::string& code) const {
    auto it = words_by_language.find(code);
    return it == words_by_language.end() ? words : it->second;
  }
};

// The theme folder a site uses: its own themes/NAME, else the bundled
// themes beside the agora binary.
std::string theme_dir(const FileSystem& fs, const SiteConfig& config);

// The templates the generator renders for this site (home, listing, ...);
// each must exist.
std::vector<std::string> required_templates(const SiteConfig& config);

// Reads and parses everything. Template syntax errors, a missing required
// template, a missing language file or a word the generator needs are
// errors; returns nullopt only when nothing usable was found (no words).
std::optional<Theme> load_theme(const FileSystem& fs, const SiteConfig& config, Diagnostics* diags);

}  // namespace agora
