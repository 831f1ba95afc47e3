#pragma once
// Mustache templates over nlohmann::json or typed data (TemplateValue), per the spec in
// ../shared/conformance/mustache/ (required modules plus ~inheritance and
// ~dynamic-names; no lambdas).
//
// Values: false, null and [] are falsy; everything else (0, "", {}) is truthy.
// {{x}} escapes & < > " (exactly the spec's set); {{{x}}} and {{&x}} do not.
// Numbers print as JSON does (85, 1.21); objects and arrays print as JSON.
// Inside a parent tag only its direct {{$block}} children count; other text
// and tags there are ignored, as the spec says.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/mustache_parser.h"
#include "render/template_value.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

// Finds a template's source by name (used for top-level templates, partials
// and parents). Returns nullopt when there is no such template.
using TemplateSource = std::function<std::optional<std::string>(const std::string& name)>;

// A template's text and where it came from (the file named in diagnostics).
struct TemplateFile {
  std::string path;
  std::string text;
};
using TemplateLoader = std::function<std::optional<TemplateFile>(const std::string& name)>;

// Looks in each directory in order for NAME + ext via `fs` (site templates/
// first, then themes/<theme>/templates/). `fs` must outlive the result.
TemplateLoader directory_template_loader(const FileSystem& fs, std::vector<std::string> dirs,
                                         std::string ext = ".mustache");
// The same lookup, text only.
TemplateSource directory_template_source(const FileSystem& fs, std::vector<std::string> dirs,
                                         std::string ext = ".mustache");

// Parses each template once, on first use, and caches it (a missing template
// is cached as missing). All methods are thread-safe; rendering shares the
// parsed trees read-only, so many threads may render at once.
class TemplateSet {
 public:
  // Diagnostics name the template by `name`.
  explicit TemplateSet(TemplateSource source);
  // Diagnostics name the template by TemplateFile::path.
  explicit TemplateSet(TemplateLoader loader);

  // Renders template `name` with `context`, appending to *out. Returns false
  // and adds error diagnostics when `name` is missing or it or a template it
  // includes has a syntax error. A missing partial or parent renders as empty
  // (as the spec requires) without a diagnostic. `diags` may be null.
  // `globals`, when given, sits below `context` on the context stack: names
  // not found in the page's data are looked up there (the theme's words).
  bool render(const std::string& name, const nlohmann::json& context, std::string* out,
              Diagnostics* diags, const nlohmann::json* globals = nullptr);
  // The same over any TemplateValue (a page's typed view, read in place).
  bool render(const std::string& name, const TemplateValue& context, std::string* out,
              Diagnostics* diags, const TemplateValue* globals = nullptr);
  // Renders template text that is not in the set; `file` names it in
  // diagnostics. Partials and parents come from the set.
  bool render_string(std::string_view tmpl, const std::string& file, const nlohmann::json& context,
                     std::string* out, Diagnostics* diags);
  // True if the source has a template `name` (it is loaded and cached).
  bool has(const std::string& name);

  // The parsed template `name`, or null when the source has none. A returned
  // template lives as long as the set.
  std::shared_ptr<const ParsedTemplate> find(const std::string& name);

  // Every name asked for (templates, partials, parents) that the source did
  // not have, sorted: lets `check` warn about a mistyped partial, which the
  // spec requires to render silently as empty.
  std::vector<std::string> missing();

 private:
  std::optional<TemplateFile> load(const std::string& name);

  TemplateLoader loader_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const ParsedTemplate>> cache_;
  std::set<std::string> missing_;
};

// Renders a template string directly, partials looked up in `partials`; used
// by the spec tests. Syntax errors render nothing and go to `diags` if given.
std::string render_mustache(std::string_view tmpl, const nlohmann::json& data,
                            const std::map<std::string, std::string>& partials = {},
                            Diagnostics* diags = nullptr);

}  // namespace agora
