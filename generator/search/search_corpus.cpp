#include "search/search_corpus.h"

#include <algorithm>

#include "search/js_number.h"
#include "search/json_cursor.h"
#include "search/json_writer.h"
#include "search/parallel_indexing.h"
#include "util/parallel.h"

namespace agora {
namespace {

using Type = JsonCursor::Type;

// Reads a scalar as String(value) in JavaScript, which is what lunr's
// tokenizer sees. Arrays and objects are refused: lunr would tokenize them
// element by element, which SearchDocument cannot express.
bool read_scalar(JsonCursor& c, std::string& out, bool& is_null) {
  is_null = false;
  double number = 0;
  bool flag = false;
  switch (c.peek()) {
    case Type::kString:
      return c.read_string(out);
    case Type::kNumber:
      if (!c.read_number(number)) return false;
      out = js_number_to_string(number);
      return true;
    case Type::kBool:
      if (!c.read_bool(flag)) return false;
      out = flag ? "true" : "false";
      return true;
    case Type::kNull:
      out.clear();
      is_null = true;
      return c.read_null();
    default:
      return false;
  }
}

bool parse_fields(JsonCursor& c, SearchCorpus& corpus, std::string& error) {
  if (!c.begin_array()) {
    error = "search corpus: \"fields\" must be an array of {\"name\", \"boost\"}";
    return false;
  }
  std::string key;
  while (c.next_element()) {
    FieldSpec spec{"", 1.0};
    bool named = false;
    if (!c.begin_object()) break;
    while (c.next_member(key)) {
      if (key == "name" && c.peek() == Type::kString) {
        named = c.read_string(spec.name);
      } else if (key == "boost" && c.peek() == Type::kNumber) {
        c.read_number(spec.boost);
      } else if (key == "boost" && c.peek() != Type::kNull) {
        error = "search corpus: field \"boost\" must be a number";
        return false;
      } else {
        c.skip_value();
      }
    }
    if (c.failed()) break;
    if (!named) {
      error = "search corpus: every field needs a string \"name\"";
      return false;
    }
    if (spec.name.find('/') != std::string::npos) {
      error = "search corpus: field '" + spec.name + "' contains illegal character '/'";
      return false;
    }
    corpus.fields.push_back(std::move(spec));
  }
  if (c.failed()) {
    error = "search corpus: " + c.error();
    return false;
  }
  return true;
}

}  // namespace

bool read_search_document(const SplitSearchCorpus& split, size_t index,
                          const std::vector<std::string>& store_keys, SearchDocument& doc,
                          std::string* stored, std::string& error) {
  const SearchCorpus& corpus = split.header;
  const std::string_view text = split.documents[index];
  const auto base = static_cast<size_t>(text.data() - split.json.data());
  bool boost_key = true;
  for (const FieldSpec& f : corpus.fields) boost_key = boost_key && f.name != "boost";
  // `doc` may hold the previous document: its strings are cleared, not
  // freed, so reading a corpus reuses their memory.
  doc.ref.clear();
  doc.boost = 1.0;
  doc.fields.resize(corpus.fields.size());
  for (std::string& value : doc.fields) value.clear();
  if (stored != nullptr) stored->clear();
  const auto where = [&] { return "search corpus: document " + std::to_string(index); };
  JsonCursor c(text, base);
  if (c.peek() != Type::kObject) {
    error = where() + " is not an object";
    return false;
  }
  c.begin_object();
  bool has_ref = false;
  std::string key;
  while (c.next_member(key)) {
    bool is_null = false;
    const bool store = stored != nullptr &&
                       std::find(store_keys.begin(), store_keys.end(), key) != store_keys.end();
    c.peek();  // to the value's first character
    const size_t value_start = c.offset();
    size_t f = 0;
    while (f < corpus.fields.size() && corpus.fields[f].name != key) ++f;
    if (key == corpus.ref) {
      has_ref = read_scalar(c, doc.ref, is_null) && !is_null;
      if (!has_ref) {
        error = where() + ": \"" + corpus.ref + "\" must be a string or number";
        return false;
      }
    } else if (f < corpus.fields.size()) {
      if (!read_scalar(c, doc.fields[f], is_null)) {
        if (c.failed()) break;
        error = where() + (has_ref ? " (" + doc.ref + ")" : std::string()) + ": field '" + key +
                "' must be a string, number, boolean or null";
        return false;
      }
    } else if (boost_key && key == "boost" && c.peek() == Type::kNumber) {
      c.read_number(doc.boost);
    } else {
      c.skip_value();
    }
    if (store && !c.failed()) {
      stored->push_back(stored->empty() ? '{' : ',');
      append_json_string(*stored, key);
      stored->push_back(':');
      *stored += text.substr(value_start, c.offset() - value_start);
    }
  }
  if (c.failed() || !c.at_end()) {
    error = "search corpus: " +
            (c.failed() ? c.error()
                        : "JSON: expected ',' or ']' at byte " + std::to_string(base + c.offset()));
    return false;
  }
  if (!has_ref) {
    error = where() + ": \"" + corpus.ref + "\" must be a string or number";
    return false;
  }
  if (stored != nullptr) *stored += stored->empty() ? "{}" : "}";
  return true;
}

bool split_search_corpus(std::string_view json, SplitSearchCorpus& split, std::string& error) {
  split = SplitSearchCorpus{};
  split.json = json;
  SearchCorpus& corpus = split.header;
  JsonCursor c(json);
  if (c.peek() != Type::kObject) {
    error = "search corpus: not a JSON object";
    return false;
  }
  c.begin_object();
  // The documents may come before ref and fields: they are only split out
  // here. A member named twice: the last counts, as with JSON.parse.
  bool have_fields = false, have_documents = false;
  std::string key;
  while (c.next_member(key)) {
    if (key == "ref") {
      if (c.peek() != Type::kString) {
        error = "search corpus: \"ref\" must be a string";
        return false;
      }
      c.read_string(corpus.ref);
    } else if (key == "language") {
      if (c.peek() != Type::kString || !c.read_string(corpus.language) ||
          find_search_language(corpus.language) == nullptr) {
        error = "search corpus: \"language\" must be one of";
        for (std::string_view code : search_language_codes()) {
          error += (code == search_language_codes()[0] ? " " : ", ") + std::string(code);
        }
        return false;
      }
    } else if (key == "fields") {
      corpus.fields.clear();
      if (!parse_fields(c, corpus, error)) return false;
      have_fields = true;
    } else if (key == "documents") {
      if (c.peek() != Type::kArray) {
        error = "search corpus: \"documents\" must be an array";
        return false;
      }
      if (!c.split_array(split.documents)) break;
      have_documents = true;
    } else {
      c.skip_value();
    }
  }
  if (c.failed() || !c.at_end()) {
    error = "search corpus: " + (c.failed() ? c.error() : "JSON: trailing characters");
    return false;
  }
  if (!have_fields) {
    error = "search corpus: \"fields\" must be an array of {\"name\", \"boost\"}";
    return false;
  }
  if (!have_documents) {
    error = "search corpus: \"documents\" must be an array";
    return false;
  }
  return true;
}

bool parse_search_corpus(std::string_view json, SearchCorpus& corpus, std::string& error,
                         const std::vector<std::string>& store_keys, unsigned threads) {
  SplitSearchCorpus split;
  if (!split_search_corpus(json, split, error)) return false;
  corpus = split.header;
  const size_t count = split.documents.size();
  corpus.documents.resize(count);
  std::vector<std::string> stored(store_keys.empty() ? 0 : count);
  std::vector<std::string> errors(count);
  std::vector<char> ok(count);
  parallel_for(
      count,
      [&](size_t d) {
        ok[d] = read_search_document(split, d, store_keys, corpus.documents[d],
                                     store_keys.empty() ? nullptr : &stored[d], errors[d]);
      },
      threads);
  // The error of the first document that has one, as reading in order gives.
  for (size_t d = 0; d < count; ++d) {
    if (!ok[d]) {
      error = std::move(errors[d]);
      corpus.documents.clear();
      return false;
    }
  }
  corpus.stored = std::move(stored);
  return true;
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
  buf += "],";
  if (corpus.language != "en") {
    buf += "\"language\":";
    append_json_string(buf, corpus.language);
    buf.push_back(',');
  }
  buf += "\"documents\":[";
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
  const SearchLanguage* language = find_search_language(corpus.language);
  IndexBuilder builder(corpus.fields, positions,
                       language != nullptr ? *language : english_search_language());
  add_documents(builder, corpus.documents, threads);
  builder.write_json(out, threads);
  return {builder.document_count(), builder.term_count()};
}

}  // namespace agora
