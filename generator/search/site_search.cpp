#include "search/site_search.h"

#include <sstream>

#include <nlohmann/json.hpp>

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
  if (field == "body") return doc.plain_text;
  if (field == "terms") return term_names(site, doc);
  return doc.fields.contains(field) ? field_text(doc.fields[field]) : "";
}

}  // namespace

bool indexed(const Site& site, const Document& doc) { return site.shows(doc) && !doc.fallback; }

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

SearchCorpus site_search_corpus(const Site& site) {
  SearchCorpus corpus;
  corpus.ref = "ref";
  for (const auto& field : site.config.search_fields)
    corpus.fields.push_back({field.name, field.boost});
  corpus.documents.reserve(site.documents.size());
  for (const auto& doc : site.documents) {
    if (!indexed(site, doc)) continue;
    SearchDocument out;
    out.ref = doc.path;
    for (const auto& field : corpus.fields) out.fields.push_back(value_for(site, doc, field.name));
    corpus.documents.push_back(std::move(out));
  }
  return corpus;
}

SiteIndex build_site_index(const Site& site, const SearchCorpus& corpus) {
  std::ostringstream out;
  SiteIndex index;
  index.stats = write_search_index(corpus, out, site.config.search_positions);
  index.json = std::move(out).str();
  return index;
}

bool add_search_files(const FileSystem& fs, const Site& site, const SiteIndex& index,
                      UrlStyle style, SiteFiles* files, Diagnostics* diags) {
  std::string lunr, err;
  if (!fs.read_file(kLunrScriptPath, &lunr, &err)) {
    diags->error(kLunrScriptPath, 0, 0, "missing-lunr", "cannot read lunr.js for the search page",
                 "install Debian's libjs-lunr package");
    return false;
  }
  (*files)["search/lunr.min.js"] = std::move(lunr);

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
  (*files)[site.dir("search/index.js")] =
      "window.AGORA_SEARCH={\"index\":" + script_safe_json(index.json) +
      ",\"documents\":" + script_safe_json(documents_json) + "};\n";
  (*files)[site.dir("search/index.json")] = index.json;
  (*files)[site.dir("search/documents.json")] = std::move(documents_json);
  return true;
}

}  // namespace agora
