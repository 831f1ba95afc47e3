#include "search/search_corpus.h"

#include <nlohmann/json.hpp>

#include "search/js_number.h"
#include "search/json_writer.h"
#include "search/parallel_indexing.h"

namespace agora::search {
namespace {

using Json = nlohmann::json;

// String(value) as lunr's tokenizer sees it; false for arrays and objects,
// which lunr would tokenize differently (element by element).
bool scalar_to_string(const Json& value, std::string& out) {
  switch (value.type()) {
    case Json::value_t::null: out.clear(); return true;
    case Json::value_t::string: out = value.get_ref<const std::string&>(); return true;
    case Json::value_t::boolean: out = value.get<bool>() ? "true" : "false"; return true;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: out = js_number_to_string(value.get<double>()); return true;
    default: return false;
  }
}

bool parse_fields(const Json& root, SearchCorpus& corpus, std::string& error) {
  const auto fields = root.find("fields");
  if (fields == root.end() || !fields->is_array()) {
    error = "search corpus: \"fields\" must be an array of {\"name\", \"boost\"}";
    return false;
  }
  for (const Json& field : *fields) {
    const auto name = field.find("name");
    if (!field.is_object() || name == field.end() || !name->is_string()) {
      error = "search corpus: every field needs a string \"name\"";
      return false;
    }
    FieldSpec spec{name->get<std::string>(), 1.0};
    if (spec.name.find('/') != std::string::npos) {
      error = "search corpus: field '" + spec.name + "' contains illegal character '/'";
      return false;
    }
    const auto boost = field.find("boost");
    if (boost != field.end() && !boost->is_null()) {
      if (!boost->is_number()) {
        error = "search corpus: field '" + spec.name + "': \"boost\" must be a number";
        return false;
      }
      spec.boost = boost->get<double>();
    }
    corpus.fields.push_back(std::move(spec));
  }
  return true;
}

bool parse_document(const Json& doc, size_t index, SearchCorpus& corpus, bool boost_key,
                    std::string& error) {
  const std::string where = "search corpus: document " + std::to_string(index);
  if (!doc.is_object()) {
    error = where + " is not an object";
    return false;
  }
  SearchDocument out;
  const auto ref = doc.find(corpus.ref);
  if (ref == doc.end() || !scalar_to_string(*ref, out.ref) || ref->is_null()) {
    error = where + ": \"" + corpus.ref + "\" must be a string or number";
    return false;
  }
  out.fields.resize(corpus.fields.size());
  for (size_t f = 0; f < corpus.fields.size(); ++f) {
    const auto value = doc.find(corpus.fields[f].name);
    if (value == doc.end()) continue;
    if (!scalar_to_string(*value, out.fields[f])) {
      error = where + " (" + out.ref + "): field '" + corpus.fields[f].name +
              "' must be a string, number, boolean or null";
      return false;
    }
  }
  if (boost_key) {
    const auto boost = doc.find("boost");
    if (boost != doc.end() && boost->is_number()) out.boost = boost->get<double>();
  }
  corpus.documents.push_back(std::move(out));
  return true;
}

}  // namespace

bool parse_search_corpus(std::string_view json, SearchCorpus& corpus, std::string& error) {
  corpus = SearchCorpus{};
  try {
    const Json root = Json::parse(json.begin(), json.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
      error = "search corpus: not a JSON object";
      return false;
    }
    const auto ref = root.find("ref");
    if (ref != root.end()) {
      if (!ref->is_string()) {
        error = "search corpus: \"ref\" must be a string";
        return false;
      }
      corpus.ref = ref->get<std::string>();
    }
    if (!parse_fields(root, corpus, error)) return false;
    bool boost_key = true;
    for (const FieldSpec& f : corpus.fields) boost_key = boost_key && f.name != "boost";
    const auto documents = root.find("documents");
    if (documents == root.end() || !documents->is_array()) {
      error = "search corpus: \"documents\" must be an array";
      return false;
    }
    corpus.documents.reserve(documents->size());
    for (size_t i = 0; i < documents->size(); ++i) {
      if (!parse_document((*documents)[i], i, corpus, boost_key, error)) return false;
    }
    return true;
  } catch (const std::exception& e) {  // nlohmann type errors; should not happen
    error = std::string("search corpus: ") + e.what();
    return false;
  }
}

void write_search_corpus(const SearchCorpus& corpus, std::ostream& out) {
  JsonWriter writer(out);
  std::string& buf = writer.buffer();
  buf += "{\"ref\":";
  append_json_string(buf, corpus.ref);
  buf += ",\"fields\":[";
  for (size_t f = 0; f < corpus.fields.size(); ++f) {
    if (f != 0) buf.push_back(',');
    buf += "{\"name\":";
    append_json_string(buf, corpus.fields[f].name);
    buf += ",\"boost\":";
    append_json_number(buf, corpus.fields[f].boost);
    buf.push_back('}');
  }
  buf += "],\"documents\":[";
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const SearchDocument& doc = corpus.documents[d];
    buf += d == 0 ? "{" : ",{";
    append_json_string(buf, corpus.ref);
    buf.push_back(':');
    append_json_string(buf, doc.ref);
    for (size_t f = 0; f < corpus.fields.size() && f < doc.fields.size(); ++f) {
      buf.push_back(',');
      append_json_string(buf, corpus.fields[f].name);
      buf.push_back(':');
      append_json_string(buf, doc.fields[f]);
    }
    if (doc.boost != 1.0) {
      buf += ",\"boost\":";
      append_json_number(buf, doc.boost);
    }
    buf.push_back('}');
    writer.maybe_flush();
  }
  buf += "]}\n";
}

IndexStats write_search_index(const SearchCorpus& corpus, std::ostream& out, bool positions,
                              unsigned threads) {
  IndexBuilder builder(corpus.fields, positions);
  add_documents(builder, corpus.documents, threads);
  builder.write_json(out);
  return {builder.document_count(), builder.term_count()};
}

}  // namespace agora::search
