#include "search/site_search.h"

#include <sstream>
#include <streambuf>

#include <nlohmann/json.hpp>

#include "search/parallel_indexing.h"
#include "search/shard_files.h"
#include "util/install_paths.h"
#include "util/parallel.h"
#include "util/path.h"
#include "util/sha256.h"

namespace agora {

namespace {

std::string term_names(const Site& site, const Document& doc) {
  std::string out;
  for (const auto& [taxonomy, ids] : doc.terms) {
    const Vocabulary& vocabulary = site.vocabularies.at(taxonomy);
    for (const auto& id : ids) {
      const Term* term = vocabulary.by_id(id);
      if (!out.empty()) out += ' ';
      out += term ? term->name : id;
    }
  }
  return out;
}

std::string field_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_array()) return value.is_null() ? "" : value.dump();
  std::string out;
  for (const auto& item : value) {
    if (!out.empty()) out += ' ';
    out += field_text(item);
  }
  return out;
}

std::string value_for(const Site& site, const Document& doc, const std::string& field) {
  if (field == "title") return doc.title;
  if (field == "summary") return doc.summary;
  if (field == "body") return doc.plain_text ? *doc.plain_text : "";
  if (field == "terms") return term_names(site, doc);
  return doc.fields.contains(field) ? field_text(doc.fields[field]) : "";
}

// Keeps what is written while it fits in `cap` bytes, and refuses the
// write that passes it: the stream fails, and the index stops formatting
// (at 10,000 documents, 192 MB formatted only to be measured cost 2 s of
// CPU).
class CappedString : public std::streambuf {
 public:
  explicit CappedString(size_t cap) : cap_(cap) {}
  bool fits() const { return size_ <= cap_; }
  std::string take() { return std::move(text_); }

 protected:
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    size_ += static_cast<size_t>(n);
    if (!fits()) {
      std::string().swap(text_);
      return 0;
    }
    text_.append(data, static_cast<size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return c;
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  size_t cap_;
  size_t size_ = 0;
  std::string text_;
};

// What a search result shows of a document, in `style`.
std::string store_json(const Site& site, const Document& doc, UrlStyle style) {
  const ContentType* type = site.config.type(doc.type);
  return nlohmann::ordered_json{{"title", doc.title},
                                {"url", relative_url("", doc.path, style)},
                                {"type", type->singular},
                                {"date", doc.date},
                                {"summary", doc.summary}}
      .dump();
}

// Shards formatted at once: enough to keep every core busy, few enough
// that a batch of JSON, not the index, is in memory.
constexpr size_t kShardBatch = 128;

bool add_shard_files(const Site& site, const ShardPlan& shards, UrlStyle style, FileSink* sink,
                     ShardKeeping keeping) {
  ShardFilesOptions options;
  options.scripts = style.offline;
  options.store_chunk_documents = static_cast<size_t>(site.config.search_shards.documents);
  for (const auto& doc : site.documents) {
    if (indexed(site, doc)) options.store.push_back({doc.path, store_json(site, doc, style)});
  }
  // Refs are paths [LANG/]TYPE/SLUG/, so the search page can count and
  // filter results by type before it fetches their documents.
  for (const ContentType& type : site.config.types) {
    const std::string prefix = site.dir(type.name + "/");
    for (const auto& doc : site.documents) {
      if (doc.type == type.name && indexed(site, doc) && doc.path.starts_with(prefix)) {
        options.types.emplace_back(prefix, type.singular);
        break;
      }
    }
  }
  // Each shard's digest by path, as the batches are described.
  std::map<std::string, std::string> digest_of;
  KeepFiles keep;
  if (keeping.before || keeping.made) {
    keep = [&](const std::vector<std::string>& names, const std::vector<std::string>& digests) {
      std::vector<int64_t> sizes(names.size(), -1);
      std::vector<std::string> offered, shas;
      std::vector<size_t> at;
      for (size_t k = 0; k < names.size(); ++k) {
        const std::string path = site.dir("search/" + names[k]);
        digest_of[path] = digests[k];
        if (!keeping.before) continue;
        auto last = keeping.before->find(path);
        if (last == keeping.before->end() || last->second.digest != digests[k]) continue;
        offered.push_back(path);
        shas.push_back(last->second.sha256);
        at.push_back(k);
      }
      if (offered.empty()) return sizes;
      const std::vector<int64_t> kept = sink->keep_as(offered, shas);
      for (size_t i = 0; i < offered.size(); ++i) {
        if (kept[i] < 0) continue;
        sizes[at[i]] = kept[i];
        if (keeping.made) (*keeping.made)[offered[i]] = {digests[at[i]], shas[i]};
      }
      return sizes;
    };
  }
  return stream_shard_files(
      shards, options, kShardBatch,
      [&](NamedFiles named) {
        SiteFiles batch;
        for (auto& [name, bytes] : named) {
          const std::string path = site.dir("search/" + name);
          if (auto digest = digest_of.find(path); keeping.made && digest != digest_of.end()) {
            (*keeping.made)[path] = {digest->second, sha256_hex(bytes)};
          }
          batch[path] = std::move(bytes);
        }
        return sink->add(std::move(batch));
      },
      keep);
}

// A script's file name in the language's search/ folder.
std::string script_name(const LanguageScript& script) {
  const size_t slash = script.path.rfind('/');
  return std::string(slash == std::string_view::npos ? script.path : script.path.substr(slash + 1));
}

// The text of one script of a language's pipeline.
bool read_script(const FileSystem& fs, const Site& site, const LanguageScript& script,
                 const SiteFiles& assets, std::string* text, Diagnostics* diags) {
  std::string err;
  if (script.source == LanguageScript::Source::kTheme) {
    // The site's theme ships it as an asset; a theme of its own may not.
    const auto asset = assets.find(std::string(script.path));
    if (asset != assets.end()) {
      *text = asset->second;
      return true;
    }
    const std::string path =
        join_path(bundled_themes_dir(), "default/assets/" + std::string(script.path));
    if (fs.read_file(path, text, &err)) return true;
    diags->error(path, 0, 0, "missing-search-script",
                 "cannot read " + std::string(script.path) + " for the search page in '" +
                     site.language + "'",
                 "copy it from agora's default theme into your theme's assets/");
    return false;
  }
  const std::string dir = bundled_lunr_languages_dir();
  const std::string path =
      join_path(dir.empty() ? "share/agora/lunr-languages" : dir, std::string(script.path));
  if (!dir.empty() && fs.read_file(path, text, &err)) return true;
  diags->error(path, 0, 0, "missing-lunr-languages",
               "cannot read lunr-languages' " + std::string(script.path) +
                   " for the search page in '" + site.language + "'",
               "agora copies it from node_modules/lunr-languages when it is built: run npm ci "
               "in its source tree and build it again, or set AGORA_LUNR_LANGUAGES_DIR to the "
               "package's folder");
  return false;
}

// The scripts of the site's search language, into its search/ folder.
bool add_language_scripts(const FileSystem& fs, const Site& site, const SiteFiles& assets,
                          SiteFiles* files, Diagnostics* diags) {
  for (const LanguageScript& script : site_search_language(site).scripts()) {
    std::string text;
    if (!read_script(fs, site, script, assets, &text, diags)) return false;
    (*files)[site.dir("search/" + script_name(script))] = std::move(text);
  }
  return true;
}

}  // namespace

bool indexed(const Site& site, const Document& doc) { return site.has_page(doc); }

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<') {
      out += "\\u003c";
    } else if (json.substr(i, 3) == "\xE2\x80\xA8" || json.substr(i, 3) == "\xE2\x80\xA9") {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += json[i];
    }
  }
  return out;
}

const SearchLanguage& site_search_language(const Site& site, Diagnostics* diags) {
  const std::string& code = site.language;
  if (const SearchLanguage* language = find_search_language(code)) return *language;
  const size_t dash = code.find_first_of("-_");
  if (dash != std::string::npos) {
    if (const SearchLanguage* language = find_search_language(code.substr(0, dash))) {
      return *language;
    }
  }
  if (diags != nullptr) {
    std::string known;
    for (std::string_view other : search_language_codes()) {
      known += (known.empty() ? "" : ", ") + std::string(other);
    }
    diags->warning("site.yaml", 0, 0, "search-language",
                   "search has no pipeline for language '" + code +
                       "': its index uses English stemming and stop words",
                   "search knows " + known);
  }
  return english_search_language();
}

std::vector<std::string> search_script_paths(const Site& site) {
  std::vector<std::string> out;
  for (const LanguageScript& script : site_search_language(site).scripts()) {
    out.push_back(site.dir("search/" + script_name(script)));
  }
  return out;
}

SearchCorpus site_search_corpus(const Site& site, Diagnostics* diags) {
  SearchCorpus corpus;
  corpus.ref = "ref";
  corpus.language = std::string(site_search_language(site, diags).code());
  for (const auto& field : site.config.search_fields)
    corpus.fields.push_back({field.name, field.boost});
  std::vector<const Document*> docs;
  for (const auto& doc : site.documents) {
    if (indexed(site, doc)) docs.push_back(&doc);
  }
  // Each document's text is copied out: 0.7 s on one core at 10,000.
  corpus.documents.resize(docs.size());
  parallel_for(docs.size(), [&](size_t i) {
    SearchDocument& out = corpus.documents[i];
    out.ref = docs[i]->path;
    for (const auto& field : corpus.fields) {
      out.fields.push_back(value_for(site, *docs[i], field.name));
    }
  });
  return corpus;
}

SiteIndex build_site_index(const Site& site, const SearchCorpus& corpus, AnalysisCache* analyses) {
  const SearchLanguage* language = find_search_language(corpus.language);
  auto builder =
      std::make_shared<IndexBuilder>(corpus.fields, site.config.search_positions,
                                     language != nullptr ? *language : english_search_language());
  add_documents(*builder, corpus.documents, 0, nullptr, analyses);
  SiteIndex index;
  index.stats = {builder->document_count(), builder->term_count()};
  const SearchShards& config = site.config.search_shards;
  CappedString json(static_cast<size_t>(config.above));
  std::ostream out(&json);
  builder->write_json(out);
  if (json.fits()) {
    index.json = json.take();
  } else {
    ShardOptions options;
    options.target_bytes = static_cast<size_t>(config.size);
    index.shards = std::make_shared<const ShardPlan>(std::move(builder), options);
  }
  return index;
}

std::string shard_records_text(const ShardRecords& records) {
  std::string out;
  for (const auto& [path, record] : records) {
    out += record.digest + " " + record.sha256 + " " + path + "\n";
  }
  return out;
}

ShardRecords parse_shard_records(std::string_view text) {
  ShardRecords records;
  auto hex = [](std::string_view s, size_t n) {
    return s.size() == n && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
  };
  while (!text.empty()) {
    const size_t end = text.find('\n');
    if (end == std::string_view::npos) break;  // a last line cut short
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    const size_t a = line.find(' '), b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    if (b == std::string_view::npos || !hex(line.substr(0, a), 16) ||
        !hex(line.substr(a + 1, b - a - 1), 64) || b + 1 >= line.size()) {
      continue;
    }
    records[std::string(line.substr(b + 1))] = {std::string(line.substr(0, a)),
                                                std::string(line.substr(a + 1, b - a - 1))};
  }
  return records;
}

bool add_search_files(const FileSystem& fs, const Site& site, SiteIndex index, UrlStyle style,
                      const SiteFiles& assets, FileSink* sink, Diagnostics* diags,
                      ShardKeeping shards) {
  SiteFiles files;
  std::string lunr, err;
  if (!fs.read_file(kLunrScriptPath, &lunr, &err)) {
    diags->error(kLunrScriptPath, 0, 0, "missing-lunr", "cannot read lunr.js for the search page",
                 "install Debian's libjs-lunr package");
    return false;
  }
  files["search/lunr.min.js"] = std::move(lunr);
  if (!add_language_scripts(fs, site, assets, &files, diags)) return false;
  if (index.shards) {
    return sink->add(std::move(files)) && add_shard_files(site, *index.shards, style, sink, shards);
  }

  nlohmann::ordered_json documents = nlohmann::ordered_json::object();
  for (const auto& doc : site.documents) {
    if (!indexed(site, doc)) continue;
    const ContentType* type = site.config.type(doc.type);
    documents[doc.path] = {{"title", doc.title},
                           {"url", relative_url("", doc.path, style)},
                           {"type", type->singular},
                           {"date", doc.date},
                           {"summary", doc.summary}};
  }
  std::string documents_json = documents.dump();
  // One script for file://, where fetch() of local JSON is blocked.
  files[site.dir("search/index.js")] =
      "window.AGORA_SEARCH={\"index\":" + script_safe_json(index.json) +
      ",\"documents\":" + script_safe_json(documents_json) + "};\n";
  files[site.dir("search/index.json")] = std::move(index.json);
  files[site.dir("search/documents.json")] = std::move(documents_json);
  return sink->add(std::move(files));
}

}  // namespace agora
