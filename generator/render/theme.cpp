#include "render/theme.h"

#include "util/install_paths.h"

namespace agora {

namespace {

constexpr std::string_view kTemplateExt = ".mustache";

// Files are named in diagnostics as content files are: relative to the site
// root when they are under it.
std::string shown_path(const SiteConfig& config, const std::string& path) {
  if (config.root == "." && path.starts_with("./")) return path.substr(2);
  std::string prefix = config.root + "/";
  if (config.root != "." && path.starts_with(prefix)) return path.substr(prefix.size());
  return path;
}

void read_templates(const FileSystem& fs, const SiteConfig& config, const std::string& dir,
                    std::map<std::string, TemplateFile>* files, Diagnostics* diags) {
  for (const auto& relative : fs.list_files(dir)) {
    if (relative.size() <= kTemplateExt.size() || !relative.ends_with(kTemplateExt)) continue;
    std::string name = relative.substr(0, relative.size() - kTemplateExt.size());
    if (files->count(name)) continue;  // the site's own template wins
    std::string path = join_path(dir, relative), text, err;
    if (!fs.read_file(path, &text, &err)) {
      diags->error(shown_path(config, path), 0, 0, "unreadable", err);
      continue;
    }
    (*files)[name] = TemplateFile{shown_path(config, path), std::move(text)};
  }
}

void read_assets(const FileSystem& fs, const SiteConfig& config, const std::string& dir,
                 SiteFiles* assets, Diagnostics* diags) {
  for (const auto& relative : fs.list_files(dir)) {
    std::string path = join_path(dir, relative), err;
    if (!fs.read_file(path, &(*assets)[relative], &err)) {
      diags->error(shown_path(config, path), 0, 0, "unreadable", err);
    }
  }
}

// A word a language's file lacks is taken from the default language's, as
// Hugo does, so a half-translated theme still renders every page; the
// warning lists what is left to translate.
void fill_missing_words(const nlohmann::json& fallback, const std::string& language,
                        const std::string& file, nlohmann::json* words, Diagnostics* diags) {
  std::vector<std::string> missing;
  for (const auto& [key, value] : fallback.items()) {
    if (words->contains(key)) continue;
    (*words)[key] = value;
    missing.push_back(key);
  }
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size() && i < 8; ++i) list += (i ? ", " : "") + missing[i];
  if (missing.size() > 8) list += ", ...";
  diags->warning(file, 0, 0, "untranslated-words",
                 "the words for '" + language + "' lack " + std::to_string(missing.size()) +
                     " of the default language's (" + list + "); those are shown untranslated",
                 "add them to the language's i18n file");
}

// The theme's words, then the site's own file over them, key by key; the
// language's date_format from site.yaml over both; words still missing come
// from `fallback` (the default language's), if given.
std::optional<Words> read_words(const FileSystem& fs, const SiteConfig& config,
                                const std::string& theme, const LanguageConfig& language,
                                const nlohmann::json* fallback, Diagnostics* diags) {
  const std::string name = "i18n/" + language.code + ".yaml";
  const std::string theme_file = join_path(theme, name);
  const std::string site_file = join_path(config.root, name);
  nlohmann::json words = nlohmann::json::object();
  bool found = false;
  for (const std::string& path : {theme_file, site_file}) {
    std::string text, err;
    if (!fs.exists(path)) continue;
    if (!fs.read_file(path, &text, &err)) {
      diags->error(shown_path(config, path), 0, 0, "unreadable", err);
      continue;
    }
    auto parsed = parse_words(text, shown_path(config, path), diags);
    if (!parsed) continue;
    found = true;
    for (auto& [key, value] : parsed->items()) words[key] = std::move(value);
  }
  if (!found) {
    diags->error(shown_path(config, theme_file), 0, 0, "missing-words",
                 "the theme has no words for language '" + language.code + "'",
                 "add " + name +
                     " to the theme (copy i18n/en.yaml and translate it), or set "
                     "site.yaml's language to one the theme has");
    return std::nullopt;
  }
  if (!language.date_format.empty()) words["date_format"] = language.date_format;
  if (fallback)
    fill_missing_words(*fallback, language.code, shown_path(config, theme_file), &words, diags);
  check_generator_words(words, shown_path(config, theme_file), diags,
                        config.clearing_house.enabled && config.clearing_house.directory.enabled);
  return Words(language.code, std::move(words));
}

}  // namespace

std::string theme_dir(const FileSystem& fs, const SiteConfig& config) {
  std::string own = join_path(config.root, "themes/" + config.theme);
  if (fs.is_directory(own)) return own;
  return join_path(bundled_themes_dir(), config.theme);
}

std::vector<std::string> required_templates(const SiteConfig& config) {
  std::vector<std::string> names = {"home",     "listing",   "term",   "taxonomy",
                                    "document", "downloads", "search", "404"};
  if (!config.browse.gap_rows.empty() && !config.browse.gap_columns.empty()) {
    names.push_back("gap-map");
  }
  if (config.clearing_house.enabled && config.clearing_house.directory.enabled) {
    for (const char* name :
         {"support", "providers", "countries", "request-support", "dashboard", "needs-map"}) {
      names.push_back(name);
    }
  }
  return names;
}

std::optional<Theme> load_theme(const FileSystem& fs, const SiteConfig& config,
                                Diagnostics* diags) {
  Theme theme;
  theme.dir = theme_dir(fs, config);
  auto files = std::make_shared<std::map<std::string, TemplateFile>>();
  read_templates(fs, config, join_path(config.root, "templates"), files.get(), diags);
  read_templates(fs, config, join_path(theme.dir, "templates"), files.get(), diags);
  theme.files = files;
  theme.templates = std::make_unique<TemplateSet>(
      [files](const std::string& name) -> std::optional<TemplateFile> {
        auto it = files->find(name);
        if (it == files->end()) return std::nullopt;
        return it->second;
      });
  for (const auto& [name, _] : *files) {
    for (const auto& d : theme.templates->find(name)->errors) diags->add(d);
  }
  for (const auto& name : required_templates(config)) {
    if (files->count(name)) continue;
    diags->error(shown_path(config, join_path(theme.dir, "templates/" + name + ".mustache")), 0, 0,
                 "template-missing", "template '" + name + "' not found",
                 "add " + name + ".mustache to templates/ or to the theme's templates/");
  }
  std::vector<LanguageConfig> languages = config.languages;
  if (languages.empty()) languages.push_back({config.language, config.language, "", ""});
  const nlohmann::json* fallback = nullptr;
  for (const auto& language : languages) {
    auto words = read_words(fs, config, theme.dir, language, fallback, diags);
    if (!words) return std::nullopt;
    Words& stored = theme.words_by_language[language.code] = std::move(*words);
    if (!fallback) fallback = &stored.json();
  }
  theme.words = theme.words_by_language.at(languages.front().code);
  read_assets(fs, config, join_path(theme.dir, "assets"), &theme.assets, diags);
  read_assets(fs, config, join_path(config.root, "assets"), &theme.assets, diags);
  return theme;
}

}  // namespace agora
