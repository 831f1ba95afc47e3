// agora new TYPE "Title": a new document with the type's front matter, each
// field commented, so a first-time contributor sees what to fill in.

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/site_guard.h"
#include "model/issue_intake.h"
#include "model/site_loader.h"
#include "util/suggest.h"
#include "util/text.h"

namespace agora {

namespace {

std::string field_comment(const FieldSchema& field, const SiteConfig& config) {
  std::string comment = "# " + (field.description.empty() ? field.name : field.description);
  if (field.required) comment += " (required)";
  if (field.type == FieldType::kEnum) {
    comment += "; one of:";
    for (const auto& value : field.values) comment += " " + value;
  }
  if (field.type == FieldType::kListOfTerms) {
    const Taxonomy* taxonomy = config.taxonomy(field.taxonomy);
    comment += "; a list of " + (taxonomy ? taxonomy->title : field.taxonomy);
  }
  if (field.type == FieldType::kListOfReferences || field.type == FieldType::kReference) {
    comment += "; slugs of files in content/" + field.target + "/";
  }
  if (field.type == FieldType::kListOfObjects) {
    comment += "; each item has";
    for (size_t i = 0; i < field.fields.size(); ++i) {
      comment += (i ? ", " : " ") + field.fields[i].name;
      if (field.fields[i].required) comment += " (required)";
    }
  }
  return comment + "\n";
}

std::string field_line(const FieldSchema& field, const std::string& title,
                       const std::string& today) {
  if (field.name == "title") return "title: " + nlohmann::json(title).dump() + "\n";
  if (field.name == "date") return "date: " + today + "\n";
  switch (field.type) {
    case FieldType::kList:
    case FieldType::kListOfTerms:
    case FieldType::kListOfReferences:
      return field.name + ": []\n";
    case FieldType::kListOfObjects: {
      // An optional list starts empty: a skeleton item would make `check`
      // ask for its required sub-fields although nothing is required.
      if (!field.required) return field.name + ": []\n";
      std::string line = field.name + ":\n  -";
      for (size_t i = 0; i < field.fields.size(); ++i) {
        line += (i ? "\n    " : " ") + field.fields[i].name + ":";
      }
      return line + "\n";
    }
    default:
      return field.name + ":\n";
  }
}

// content/TYPE/SLUG.md for a new document titled `title`, relative to the
// site root; "" (with the reason printed) when there is none to write.
std::string new_file_path(const ContentType& type, const SiteConfig& config,
                          const std::string& title, const ConfinedFileSystem& fs,
                          const CliEnv& env) {
  std::string slug = slugify(title);
  bool non_ascii = std::any_of(title.begin(), title.end(),
                               [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (slug.empty() && !non_ascii) {
    *env.err << "agora new: the title must contain letters or digits\n";
    return "";
  }
  if (slug.empty()) {
    // A title in a script with no ASCII transliteration (Arabic, Chinese...):
    // name the file by type and date, and keep the title as written.
    std::string base = slugify(type.singular) + "-" + env.clock->today();
    slug = base;
    for (int n = 2; fs.exists(join_path(config.root, "content/" + type.name + "/" + slug + ".md"));
         ++n) {
      slug = base + "-" + std::to_string(n);
    }
  }
  std::string relative = "content/" + type.name + "/" + slug + ".md";
  // A link there "exists" too, but the write names it better.
  const std::string path = join_path(config.root, relative);
  if (fs.exists(path) && fs.link_in(path).empty()) {
    *env.err << "agora new: " << relative << " already exists; not overwriting it\n";
    return "";
  }
  return relative;
}

void print_lines(const Diagnostics& diags, std::ostream& out) {
  for (const auto& d : diags.items()) out << format_diagnostic_line(d) << "\n";
}

// agora new TYPE --from-issue FILE: the issue body through the type's form.
int new_from_issue(const CommandArgs& args, const CliEnv& env, ConfinedFileSystem& fs,
                   const ContentType& type) {
  Diagnostics diags;
  LoadOptions options;
  auto site = load_site(fs, args.config, options, &diags);
  if (!site) {
    print_lines(diags, *env.err);
    return 1;
  }
  const IssueFormConfig* form = site->config.form(type.name);
  if (!form) {
    *env.err << "agora new: site.yaml declares no form for type '" << type.name
             << "' (see 'forms:')\n";
    return 1;
  }
  std::string body, err;
  if (!fs.read_file(args.from_issue, &body, &err)) {
    *env.err << "agora new: " << err << "\n";
    return 1;
  }
  Diagnostics intake;
  IssueDocument doc;
  bool ok =
      document_from_issue(*site, *form, body, env.clock->today(), args.from_issue, &doc, &intake);
  print_lines(intake, *env.err);
  if (!ok) return 1;
  std::string relative = new_file_path(type, site->config, doc.title, fs, env);
  if (relative.empty()) return 1;
  if (!fs.write_file(join_path(site->config.root, relative), doc.text, &err)) {
    *env.err << "agora new: " << err << "\n";
    return 1;
  }
  *env.out << "created " << relative << "\nnext: review it, then run `agora check`\n";
  return 0;
}

}  // namespace

std::string new_document_text(const ContentType& type, const SiteConfig& config,
                              const std::string& title, const std::string& today) {
  // Required fields first: they are the ones a contributor must fill in.
  std::vector<const FieldSchema*> fields;
  for (const auto& field : type.fields) {
    if (field.name != "draft" && field.name != "updated") fields.push_back(&field);
  }
  std::stable_partition(fields.begin(), fields.end(),
                        [](const FieldSchema* field) { return field->required; });
  std::string text = "---\n";
  for (const FieldSchema* field : fields) {
    text += field_comment(*field, config) + field_line(*field, title, today);
  }
  text += "---\n\n## Overview\n\nWrite the " + ascii_lower(type.singular) +
          " here. Link other documents by their file, e.g. `[ITU](../organizations/itu.md)`.\n";
  return text;
}

int run_new(const CommandArgs& args, const CliEnv& env) {
  // The same guards as build and check: a pull request may have planted a
  // link (content/notes -> /somewhere) that a new file would be written
  // through, or a type name with '..' in site.yaml.
  ConfinedFileSystem fs(env.fs);
  guard_site(&fs, args.config, "");
  Diagnostics diags;
  auto config = load_config(fs, args.config, &diags);
  if (!config) {
    for (const auto& d : diags.items()) *env.err << format_diagnostic_line(d) << "\n";
    return 1;
  }
  const ContentType* type = config->type(args.type);
  if (!type) {
    std::vector<std::string> names;
    for (const auto& t : config->types) names.push_back(t.name);
    std::string hint = did_you_mean(args.type, names);
    *env.err << "agora new: unknown type '" << args.type << "'" << (hint.empty() ? "" : "; " + hint)
             << "\n";
    return 1;
  }
  if (!args.from_issue.empty()) return new_from_issue(args, env, fs, *type);
  std::string relative = new_file_path(*type, *config, args.title, fs, env);
  if (relative.empty()) return 1;
  std::string err;
  if (!fs.write_file(join_path(config->root, relative),
                     new_document_text(*type, *config, args.title, env.clock->today()), &err)) {
    *env.err << "agora new: " << err << "\n";
    return 1;
  }
  *env.out << "created " << relative << "\nnext: fill in the fields, then run `agora check`\n";
  return 0;
}

}  // namespace agora
