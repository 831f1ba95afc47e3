#include "model/site_loader.h"

#include <cstdio>
#include <set>

#include "config/yaml_map_reader.h"
#include "content/body.h"
#include "content/front_matter.h"
#include "content/limits.h"
#include "model/parsed_file.h"
#include "model/relations.h"
#include "model/translations.h"
#include "sources/source_tree.h"
#include "util/allocator.h"
#include "util/parallel.h"
#include "util/suggest.h"
#include "util/text.h"
#include "validate/front_matter_validator.h"
#include "validate/link_targets.h"

namespace agora {

namespace {

// Reads and splits `source`; its body is parsed later (parse_body_of),
// unless the body cache has it. Returns the id the cache knows the body
// by, "" when none.
std::string read_document(const FileSystem& fs, const SiteConfig& config, const SourceFile& source,
                          bool body_html, const BodyCache* bodies, const FrontMatterCache* trees,
                          ParsedFile* out) {
  Document& doc = out->doc;
  doc.type = source.type;
  doc.slug = source.slug;
  doc.source_path = source.path;
  doc.path = source.output;
  doc.language = source.language;
  doc.original = source.original;
  std::string err;
  if (!fs.read_file(join_path(config.root, source.path), &out->text, &err)) {
    out->diags.error(source.path, 0, 0, "unreadable", err);
    return "";
  }
  size_t bad = 0;
  if (!is_valid_utf8(out->text, &bad)) {
    auto [line, column] = line_and_column(out->text, bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(out->text[bad]));
    out->diags.error(
        source.path, line, column, "invalid-utf8",
        std::string("the file is not valid UTF-8: byte ") + byte + " cannot appear here",
        "save the file as UTF-8 (a file saved as Latin-1 or Windows-1252 looks like this)");
    return "";
  }
  if (!check_document_limits(config.limits, source.path, out->text, &out->diags)) return "";
  if (!parse_front_matter(out->text, source.path, &out->front_matter, &out->diags,
                          config.limits.yaml(), trees)) {
    return "";
  }
  out->ok = true;
  return bodies ? bodies->id(BodyKey{out->front_matter.body, out->front_matter.body_first_line,
                                     config.trusted_html, body_html, source.path})
                : std::string();
}

// Parses the body of a file read, and keeps the result in the cache under
// `id` (when not "").
void parse_body_of(const SiteConfig& config, bool body_html, const std::string& id,
                   BodyCache* bodies, ParsedFile* out) {
  Diagnostics body_diags;
  parse_body(out->front_matter.body, out->front_matter.body_first_line, config, body_html,
             &out->doc, &body_diags);
  if (!id.empty()) bodies->store(id, out->doc, body_diags);
  out->diags.merge(body_diags);
}

// The parse's scratch (each file's text, its YAML tree, cmark's nodes) was
// allocated and freed among the blocks the documents keep, which leaves
// those spread thinly over many pages: at 10,000 documents, 428 MB of pages
// held 276 MB of documents. One copy of each document, with every freed
// block going straight back to its pages (UncachedAllocation), packs them
// into 243 MB of pages and lets the rest go. Without it, the jemalloc thread
// cache would hand each copy the blocks its original just freed.
void compact_documents(std::vector<Document>* documents) {
  UncachedAllocation uncached;
  for (auto& doc : *documents) doc = unshared_copy(doc);
}

// Front matter names documents by the slug of their original in the default
// language; translations are found from there.
bool names_original(const SiteConfig& config, const Document& doc) {
  return doc.language == config.language && !doc.is_translation();
}

// A documents vocabulary: one term per document of the type; the title, when
// the front matter has a usable one, is its name.
Vocabulary documents_vocabulary(const SiteConfig& config, const std::vector<ParsedFile>& parsed,
                                const std::string& type) {
  Vocabulary vocabulary;
  for (const auto& file : parsed) {
    if (!file.ok || file.doc.type != type || !names_original(config, file.doc)) continue;
    Term term;
    term.id = file.doc.slug;
    YAML::Node title = file.front_matter.data["title"];
    term.name = title && title.IsScalar() && !title.Scalar().empty() ? title.Scalar() : term.id;
    std::string conflict;
    if (!vocabulary.add(term, &conflict)) {
      term.name = term.id;  // a duplicate title is reported by the title check
      vocabulary.add(term, &conflict);
    }
  }
  return vocabulary;
}

bool load_vocabularies(const FileSystem& fs, Site* site, const std::vector<ParsedFile>& parsed,
                       Diagnostics* diags) {
  size_t errors_before = diags->error_count();
  for (const auto& taxonomy : site->config.taxonomies) {
    Vocabulary& vocabulary = site->vocabularies[taxonomy.name];
    std::string text, err;
    switch (taxonomy.kind) {
      case VocabularyKind::kFile:
        if (!fs.read_file(join_path(site->config.root, taxonomy.file), &text, &err)) {
          diags->error("site.yaml", 0, 0, "missing-vocabulary",
                       "taxonomy '" + taxonomy.name + "': cannot read " + taxonomy.file);
          break;
        }
        parse_vocabulary_file(text, taxonomy.file, &vocabulary, diags, site->config.language,
                              site->config.limits.yaml());
        break;
      case VocabularyKind::kIso3166:
        if (!fs.read_file(kIso3166Path, &text, &err)) {
          diags->error(kIso3166Path, 0, 0, "missing-vocabulary",
                       "cannot read the ISO 3166 country list", "install Debian's iso-codes");
          break;
        }
        parse_iso3166(text, kIso3166Path, &vocabulary, diags);
        break;
      case VocabularyKind::kDocuments:
        vocabulary = documents_vocabulary(site->config, parsed, taxonomy.document_type);
        break;
    }
  }
  // Broader terms link two vocabularies, so both must be loaded first.
  for (const auto& taxonomy : site->config.taxonomies) {
    if (taxonomy.broader_file.empty()) continue;
    std::string text, err;
    if (!fs.read_file(join_path(site->config.root, taxonomy.broader_file), &text, &err)) {
      diags->error("site.yaml", 0, 0, "missing-vocabulary",
                   "taxonomy '" + taxonomy.name + "': cannot read " + taxonomy.broader_file);
      continue;
    }
    parse_broader_file(text, taxonomy.broader_file,
                       site->vocabularies.at(taxonomy.broader_taxonomy),
                       &site->vocabularies.at(taxonomy.name), diags);
  }
  return diags->error_count() == errors_before;
}

// Two documents of a type with one title confuse readers and search results
// alike, but recurring events share titles: a warning. Each file of a clash
// is named, with the others, since nothing tells which one is new.
void check_duplicate_titles(const std::vector<ParsedFile>& parsed, Diagnostics* diags) {
  std::map<std::string, std::vector<const ParsedFile*>> by_title;
  for (const auto& file : parsed) {
    if (!file.ok || file.doc.title.empty()) continue;
    by_title[file.doc.type + "\n" + file.doc.language + "\n" + fold_for_matching(file.doc.title)]
        .push_back(&file);
  }
  for (const auto& [_, files] : by_title) {
    if (files.size() < 2) continue;
    for (const ParsedFile* file : files) {
      std::string others;
      for (const ParsedFile* other : files) {
        if (other != file) others += (others.empty() ? "" : ", ") + other->doc.source_path;
      }
      YAML::Node title = file->front_matter.data[kTitleField];
      diags->warning(file->doc.source_path, yaml_line(title, file->front_matter.line_offset),
                     yaml_column(title), "duplicate-title",
                     "title '" + file->doc.title + "' is also used by " + others,
                     "give each document of a type its own title, unless they are one series "
                     "(a meeting held every year)");
    }
  }
}

// Where `key` is written in the front matter (the key, not its value).
std::pair<int, int> key_position(const FrontMatter& front_matter, const std::string& key) {
  for (const auto& kv : front_matter.data) {
    if (kv.first.Scalar() == key) {
      return {yaml_line(kv.first, front_matter.line_offset), yaml_column(kv.first)};
    }
  }
  return {1, 1};
}

void check_summary(const SiteConfig& config, const ParsedFile& file, Diagnostics* diags) {
  const std::string& summary = file.doc.summary;
  size_t length = 0;
  for (unsigned char c : summary) length += (c & 0xC0) != 0x80;  // code points
  if (length <= static_cast<size_t>(config.summary_max_length)) return;
  YAML::Node node = file.front_matter.data["summary"];
  diags->warning(file.doc.source_path, yaml_line(node, file.front_matter.line_offset),
                 yaml_column(node), "summary-too-long",
                 "summary is " + std::to_string(length) + " characters; the limit is " +
                     std::to_string(config.summary_max_length),
                 "keep the summary to one or two sentences; move detail into the body");
}

// Every link of every published document, resolved against the published
// documents and the attachments.
void resolve_site_links(Site& site, const std::vector<ParsedFile>& parsed, unsigned threads,
                        Diagnostics* diags) {
  LinkIndex index;
  for (const auto& doc : site.documents) index.documents[doc.source_path] = &doc;
  for (const auto& file : parsed) {
    if (!file.ok) index.unloaded.insert(file.doc.source_path);
  }
  for (const auto& attachment : site.attachments) index.files.insert(attachment.path);
  for (const auto& type : site.config.types) index.types.insert(type.name);
  index.broken_links_are_warnings = site.config.broken_links_are_warnings;
  index.base_url = site.config.base_url;
  std::vector<Diagnostics> found(site.documents.size());
  parallel_for(
      site.documents.size(),
      [&](size_t i) { resolve_links(index, &site.documents.own()[i], &found[i]); }, threads);
  for (const auto& d : found) diags->merge(d);
}

}  // namespace

std::string site_root(const std::string& config_path) {
  size_t slash = config_path.rfind('/');
  return slash == std::string::npos ? "." : config_path.substr(0, slash);
}

std::optional<SiteConfig> load_config(const FileSystem& fs, const std::string& config_path,
                                      Diagnostics* diags) {
  std::string text, err;
  if (!fs.read_file(config_path, &text, &err)) {
    diags->error(config_path, 0, 0, "missing-config", err,
                 "run agora from the folder that holds site.yaml, or pass --config");
    return std::nullopt;
  }
  size_t slash = config_path.rfind('/');
  std::string name = slash == std::string::npos ? config_path : config_path.substr(slash + 1);
  auto config = parse_site_config(text, name, diags);
  if (config) config->root = site_root(config_path);
  return config;
}

namespace {

// Keeps the trees parsed of the documents no diagnostic names: a tree
// built back has no marks, so a document with a warning (a draft, a broken
// link) has its front matter parsed in every build rather than loaded
// twice (see load_site).
void keep_trees(const std::vector<SourceFile>& documents, const std::vector<ParsedFile>& parsed,
                const Diagnostics& diags, FrontMatterCache* trees, unsigned threads) {
  std::set<std::string_view> named;
  for (const auto& d : diags.items()) named.insert(d.file);
  parallel_for(
      parsed.size(),
      [&](size_t i) {
        const FrontMatter& fm = parsed[i].front_matter;
        if (parsed[i].ok && !fm.tree_kept && !fm.tree_id.empty() &&
            !named.count(documents[i].path)) {
          trees->store(fm.tree_id, fm.data);
        }
      },
      threads);
}

// One load. Documents named in `parse` have their front matter parsed,
// not built back from options.trees; *kept: the documents that had it
// built back.
std::optional<Site> load_once(const FileSystem& fs, const std::string& config_path,
                              const LoadOptions& options, const std::set<std::string>& parse,
                              Diagnostics* diags, std::set<std::string>* kept) {
  auto config = load_config(fs, config_path, diags);
  if (!config) return std::nullopt;
  Site site;
  site.config = std::move(*config);
  std::vector<SourceFile> sources = find_sources(fs, site.config, diags);
  std::vector<SourceFile> documents;
  for (const auto& source : sources) {
    if (source.is_document) {
      documents.push_back(source);
    } else {
      site.attachments.push_back({source.path, source.output});
    }
  }

  std::vector<ParsedFile> parsed(documents.size());
  std::vector<BodyLookup> lookups(documents.size());
  parallel_for(
      documents.size(),
      [&](size_t i) {
        const bool parsing = parse.count(documents[i].path) != 0;
        lookups[i].id =
            read_document(fs, site.config, documents[i], options.body_html, options.bodies,
                          parsing ? nullptr : options.trees, &parsed[i]);
        lookups[i].doc = &parsed[i].doc;
        lookups[i].diags = &parsed[i].diags;
      },
      options.threads);
  if (options.bodies) options.bodies->find_all(&lookups, options.threads);
  parallel_for(
      documents.size(),
      [&](size_t i) {
        if (parsed[i].ok && !lookups[i].found) {
          parse_body_of(site.config, options.body_html, lookups[i].id, options.bodies, &parsed[i]);
        }
      },
      options.threads);
  std::vector<BodyLookup>().swap(lookups);
  for (const auto& file : parsed) {
    if (file.front_matter.tree_kept) kept->insert(file.doc.source_path);
  }
  if (!load_vocabularies(fs, &site, parsed, diags)) return std::nullopt;

  std::map<std::string, std::set<std::string>> slugs_by_type;
  for (const auto& type : site.config.types) slugs_by_type[type.name];
  for (const auto& file : parsed) {
    if (names_original(site.config, file.doc)) slugs_by_type[file.doc.type].insert(file.doc.slug);
  }
  const auto inherited = inherited_fields(site.config, parsed);
  parallel_for(
      parsed.size(),
      [&](size_t i) {
        ParsedFile& file = parsed[i];
        if (!file.ok) return;
        ValidationContext context{&site.config, &site.vocabularies, &slugs_by_type};
        if (auto it = inherited.find(file.doc.source_path); it != inherited.end()) {
          context.inherited = &it->second;
        }
        validate_front_matter(file.front_matter, *site.config.type(file.doc.type), context,
                              &file.doc, &file.diags);
        check_summary(site.config, file, &file.diags);
      },
      options.threads);
  pair_translations(site.config, &parsed);
  check_duplicate_titles(parsed, diags);
  if (options.history) {
    std::vector<std::string> paths;
    for (const auto& file : parsed) {
      if (file.ok) paths.push_back(file.doc.source_path);
    }
    auto history = options.history->read(site.config.root, paths);
    for (auto& file : parsed) {
      if (auto it = history.find(file.doc.source_path); it != history.end()) {
        file.doc.last_updated = it->second.last_updated;
        file.doc.contributors = it->second.contributors;
      }
    }
    check_translation_dates(parsed, diags);
  }

  std::set<std::string> published;  // originals that made it in
  for (auto& file : parsed) {
    if (file.ok && !file.doc.is_translation() && (!file.doc.draft || options.include_drafts)) {
      published.insert(file.doc.source_path);
    }
  }
  site.language = site.config.language;
  for (auto& file : parsed) {
    diags->merge(file.diags);
    if (!file.ok) continue;
    // A translation of a draft waits for its original.
    if (file.doc.is_translation() && !published.count(file.doc.original)) continue;
    if (file.doc.draft) {
      auto [line, column] = key_position(file.front_matter, "draft");
      diags->warning(file.doc.source_path, line, column, "draft",
                     "draft: true keeps this document out of the published site",
                     "remove 'draft: true' when it is ready to publish");
      if (!options.include_drafts) continue;
    }
    site.versions[file.doc.group][file.doc.language] = file.doc.path;
    site.documents.push_back(std::move(file.doc));
  }

  index_documents(&site);
  resolve_site_links(site, parsed, options.threads, diags);
  index_taxonomies(&site);
  compute_mentions(&site);
  if (options.trees) keep_trees(documents, parsed, *diags, options.trees, options.threads);
  if (options.pack) {
    std::vector<ParsedFile>().swap(parsed);
    compact_documents(&site.documents.own());
  }
  return site;
}

}  // namespace

std::optional<Site> load_site(const FileSystem& fs, const std::string& config_path,
                              const LoadOptions& options, Diagnostics* diags) {
  Diagnostics found;
  std::set<std::string> kept;
  auto site = load_once(fs, config_path, options, {}, &found, &kept);
  // A document that had no diagnostic when its tree was kept has one now
  // (a document it names is gone): a tree built back has no marks to place
  // it with, so load again with those documents' front matter parsed.
  std::set<std::string> parse;
  for (const auto& d : found.items()) {
    if (kept.count(d.file)) parse.insert(d.file);
  }
  if (!parse.empty()) {
    site.reset();
    found = Diagnostics();
    kept.clear();
    site = load_once(fs, config_path, options, parse, &found, &kept);
  }
  diags->merge(found);
  return site;
}

}  // namespace agora
