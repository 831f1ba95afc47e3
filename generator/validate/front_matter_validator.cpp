#include "validate/front_matter_validator.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "config/yaml_map_reader.h"
#include "util/suggest.h"
#include "validate/status_timeline_check.h"

namespace agora {

namespace {

bool all_digits(const std::string& s, size_t from, size_t count) {
  if (from + count > s.size()) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// The key node of `name` in `map`: a null value has no useful position, its key does.
YAML::Node key_node(const YAML::Node& map, const std::string& name) {
  for (const auto& kv : map) {
    if (kv.first.Scalar() == name) return kv.first;
  }
  return map;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// What may follow a date: "T00:00:00.000Z", " 7:37:00 -0400", "T10:30+02:00"
// (ISO 8601 and the forms other tools write): T or a space, an hour of one
// or two digits, minutes, optional seconds and fraction, and an optional
// zone (Z, +hh, +hhmm, +hh:mm), itself optionally after a space.
bool is_time_of_day(const std::string& t) {
  size_t i = 0;
  auto digits = [&](size_t min, size_t max) {
    size_t start = i;
    while (i < t.size() && i - start < max && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    return i - start >= min;
  };
  if (t.empty() || (t[0] != 'T' && t[0] != ' ')) return false;
  ++i;
  if (!digits(1, 2) || i >= t.size() || t[i++] != ':' || !digits(2, 2)) return false;
  if (i < t.size() && t[i] == ':') {
    ++i;
    if (!digits(2, 2)) return false;
    if (i < t.size() && t[i] == '.') {
      ++i;
      if (!digits(1, 9)) return false;
    }
  }
  if (i < t.size() && t[i] == ' ') ++i;
  if (i == t.size()) return true;
  if (t[i] == 'Z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  ++i;
  if (!digits(2, 2)) return false;
  if (i < t.size() && t[i] == ':') ++i;
  if (i < t.size() && !digits(2, 2)) return false;
  return i == t.size();
}

// A mapping's values by key, the first of equal keys, as YAML::Node's
// operator[] finds them: that walks the mapping and copies each key it
// compares, and the schema asks for every field several times.
class Fields {
 public:
  explicit Fields(const YAML::Node& map) : map_(map) {
    if (!map.IsMap()) return;
    for (const auto& kv : map) {
      if (kv.first.IsScalar()) values_.emplace(kv.first.Scalar(), kv.second);
    }
  }
  YAML::Node operator[](const std::string& key) const {
    auto it = values_.find(key);
    return it == values_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
  }
  const YAML::Node& map() const { return map_; }

 private:
  YAML::Node map_;
  std::unordered_map<std::string, YAML::Node> values_;
};

// A field's value under its name or one of its aliases.
YAML::Node value_of(const Fields& map, const FieldSchema& field) {
  if (YAML::Node value = map[field.name]) return value;
  for (const auto& alias : field.aliases) {
    if (YAML::Node value = map[alias]) return value;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

class Validator {
 public:
  Validator(const FrontMatter& fm, const ValidationContext& ctx, Document* doc, Diagnostics* diags)
      : fm_(fm), ctx_(ctx), doc_(doc), diags_(diags) {}

  void run(const ContentType& type);

 private:
  void error(const YAML::Node& at, const std::string& code, const std::string& message,
             const std::string& hint = {}) {
    diags_->error(doc_->source_path, yaml_line(at, fm_.line_offset), yaml_column(at), code, message,
                  hint);
  }
  bool is_empty(const YAML::Node& value) const {
    return !value || value.IsNull() || (value.IsScalar() && value.Scalar().empty()) ||
           (value.IsSequence() && value.size() == 0);
  }
  void check_unknown(const YAML::Node& map, const std::vector<FieldSchema>& fields,
                     const std::string& where);
  // `item` is the list item that should hold the fields, or null for the
  // front matter itself.
  void check_required(const Fields& map, const YAML::Node* item,
                      const std::vector<FieldSchema>& fields, const std::string& where);
  nlohmann::json convert(const FieldSchema& field, const YAML::Node& value);
  nlohmann::json convert_scalar(const FieldSchema& field, const YAML::Node& value);
  nlohmann::json convert_terms(const FieldSchema& field, const YAML::Node& value);
  nlohmann::json convert_references(const FieldSchema& field, const YAML::Node& value);
  nlohmann::json convert_objects(const FieldSchema& field, const YAML::Node& value);
  bool expect_sequence(const FieldSchema& field, const YAML::Node& value);
  bool expect_scalar(const FieldSchema& field, const YAML::Node& value);
  void record(const FieldSchema& field, const nlohmann::json& value);

  const FrontMatter& fm_;
  const ValidationContext& ctx_;
  Document* doc_;
  Diagnostics* diags_;
};

void Validator::run(const ContentType& type) {
  check_unknown(fm_.data, type.fields, "type '" + type.name + "'");
  const Fields data(fm_.data);
  check_required(data, nullptr, type.fields, "");
  for (const auto& field : type.fields) {
    YAML::Node value = value_of(data, field);
    if (is_empty(value)) continue;
    nlohmann::json converted = convert(field, value);
    if (converted.is_null()) continue;
    doc_->fields[field.name] = converted;
    record(field, converted);
  }
  check_status_timeline(fm_, ctx_.config->clearing_house, *doc_, diags_);
}

void Validator::check_unknown(const YAML::Node& map, const std::vector<FieldSchema>& fields,
                              const std::string& where) {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  std::map<std::string, int> seen;  // key -> line of its first use
  for (const auto& kv : map) {
    const std::string& key = kv.first.Scalar();
    int line = yaml_line(kv.first, fm_.line_offset);
    // YAML parsers keep the first of two equal keys; the second would be lost silently.
    if (auto [it, inserted] = seen.emplace(key, line); !inserted) {
      error(kv.first, "duplicate-field",
            "field '" + key + "' is given twice; the first, on line " + std::to_string(it->second) +
                ", is used",
            "keep one of them");
      continue;
    }
    bool known = false;
    for (const auto& f : fields) {
      known = known || f.name == key ||
              std::find(f.aliases.begin(), f.aliases.end(), key) != f.aliases.end();
    }
    if (known) continue;
    // "Title" for "title": tools that ignore case let this through; we name
    // the spelling to use.
    std::string lower;
    for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != key && std::find(names.begin(), names.end(), lower) != names.end()) {
      error(kv.first, "capitalised-field",
            "field '" + key + "' is written with capitals; field names are lower case",
            "write it as '" + lower + "'");
      continue;
    }
    error(kv.first, "unknown-field", "unknown field '" + key + "' for " + where,
          did_you_mean(key, names));
  }
}

void Validator::check_required(const Fields& map, const YAML::Node* item,
                               const std::vector<FieldSchema>& fields, const std::string& where) {
  for (const auto& field : fields) {
    if (!field.required) continue;
    if (!item && ctx_.inherited && ctx_.inherited->count(field.name)) continue;
    YAML::Node value = value_of(map, field);
    std::string name = where.empty() ? field.name : where + "." + field.name;
    if (!value) {
      std::string message = "missing required field '" + name + "'";
      std::string hint = "add '" + field.name + ":'";
      if (item) {
        error(*item, "missing-field", message,
              hint + " to this item" + (field.description.empty() ? "" : ": " + field.description));
      } else {
        // The closing fence: the new field goes just above it.
        diags_->error(doc_->source_path, fm_.body_first_line - 1, 1, "missing-field", message,
                      hint + " above this line" +
                          (field.description.empty() ? "" : ": " + field.description));
      }
    } else if (is_empty(value)) {
      std::string hint = field.description.empty() ? "" : "what goes here: " + field.description;
      if (field.type == FieldType::kEnum) {
        hint += hint.empty() ? "one of " : "; one of ";
        for (size_t i = 0; i < field.values.size(); ++i) hint += (i ? ", " : "") + field.values[i];
      }
      error(value.IsNull() ? key_node(map.map(), field.name) : value, "empty-field",
            "required field '" + name + "' is empty", hint);
    }
  }
}

bool Validator::expect_sequence(const FieldSchema& field, const YAML::Node& value) {
  if (value.IsSequence()) return true;
  error(value, "wrong-type", "field '" + field.name + "' must be a list",
        value.IsScalar() ? "write it as a list: " + field.name + ": [" + value.Scalar() + "]" : "");
  return false;
}

bool Validator::expect_scalar(const FieldSchema& field, const YAML::Node& value) {
  if (value.IsScalar()) return true;
  error(value, "wrong-type",
        "field '" + field.name + "' must be a single value, not a " +
            (value.IsSequence() ? "list" : "mapping"),
        "put the value in quotes if it starts with '[' or '{' or contains ': '");
  return false;
}

nlohmann::json Validator::convert(const FieldSchema& field, const YAML::Node& value) {
  switch (field.type) {
    case FieldType::kList: {
      if (!expect_sequence(field, value)) return nullptr;
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : value) {
        if (!item.IsScalar()) {
          error(item, "wrong-type", "items of '" + field.name + "' must be text");
          continue;
        }
        out.push_back(item.Scalar());
      }
      return out;
    }
    case FieldType::kListOfTerms:
      return convert_terms(field, value);
    case FieldType::kReference:
    case FieldType::kListOfReferences:
      return convert_references(field, value);
    case FieldType::kListOfObjects:
      return convert_objects(field, value);
    default:
      return expect_scalar(field, value) ? convert_scalar(field, value) : nullptr;
  }
}

nlohmann::json Validator::convert_scalar(const FieldSchema& field, const YAML::Node& value) {
  const std::string& text = value.Scalar();
  switch (field.type) {
    case FieldType::kDate: {
      std::string day;
      if (parse_iso_date(text, &day)) return day;
      error(value, "invalid-date",
            "field '" + field.name + "' must be an ISO 8601 date, got '" + text + "'",
            "write the date as YYYY-MM-DD, e.g. 2019-12-10");
      return nullptr;
    }
    case FieldType::kUrl:
      if (is_valid_url(text)) return text;
      error(value, "invalid-url", "field '" + field.name + "' must be a URL, got '" + text + "'",
            "use a full address starting with https://");
      return nullptr;
    case FieldType::kEnum:
      for (const auto& allowed : field.values) {
        if (allowed == text) return text;
      }
      {
        std::string allowed_list;
        for (const auto& v : field.values) allowed_list += (allowed_list.empty() ? "" : ", ") + v;
        std::string hint = did_you_mean(text, field.values);
        error(value, "invalid-enum",
              "field '" + field.name + "' must be one of " + allowed_list + "; got '" + text + "'",
              hint);
      }
      return nullptr;
    case FieldType::kBoolean:
      if (text == "true" || text == "false") return text == "true";
      error(value, "wrong-type",
            "field '" + field.name + "' must be true or false, got '" + text + "'");
      return nullptr;
    default:
      return text;
  }
}

nlohmann::json Validator::convert_terms(const FieldSchema& field, const YAML::Node& value) {
  if (!expect_sequence(field, value)) return nullptr;
  const Taxonomy* taxonomy = ctx_.config->taxonomy(field.taxonomy);
  const Vocabulary& vocabulary = ctx_.vocabularies->at(field.taxonomy);
  nlohmann::json ids = nlohmann::json::array();
  std::map<std::string, std::string> written;  // term id -> how the list first names it
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      error(item, "wrong-type", "items of '" + field.name + "' must be term names");
      continue;
    }
    const Term* term = vocabulary.find(item.Scalar());
    if (!term) {
      std::string where = taxonomy->kind == VocabularyKind::kDocuments
                              ? "names no document in content/" + taxonomy->document_type + "/"
                              : "is not in the vocabulary of " + taxonomy->title;
      error(item, "unknown-term",
            "'" + item.Scalar() + "' " + where + " (field '" + field.name + "')",
            vocabulary.suggest(item.Scalar()));
      continue;
    }
    if (auto [it, inserted] = written.emplace(term->id, item.Scalar()); !inserted) {
      error(item, "duplicate-term",
            "'" + item.Scalar() + "' is listed twice in '" + field.name + "'",
            it->second == item.Scalar()
                ? "remove one of them"
                : "'" + it->second + "' and '" + item.Scalar() + "' name the same term; keep one");
      continue;
    }
    ids.push_back(term->id);
  }
  return ids;
}

nlohmann::json Validator::convert_references(const FieldSchema& field, const YAML::Node& value) {
  bool single = field.type == FieldType::kReference;
  if (single ? !expect_scalar(field, value) : !expect_sequence(field, value)) return nullptr;
  const auto& slugs = ctx_.slugs_by_type->at(field.target);
  std::vector<std::string> candidates(slugs.begin(), slugs.end());
  nlohmann::json out = nlohmann::json::array();
  auto check = [&](const YAML::Node& item) {
    if (!item.IsScalar()) {
      error(item, "wrong-type", "items of '" + field.name + "' must be document slugs");
      return;
    }
    if (!slugs.count(item.Scalar())) {
      error(item, "unknown-reference",
            "'" + item.Scalar() + "' is not a document in content/" + field.target + "/",
            did_you_mean(item.Scalar(), candidates));
      return;
    }
    out.push_back(item.Scalar());
  };
  if (single) {
    check(value);
    return out.empty() ? nlohmann::json() : out[0];
  }
  for (const auto& item : value) check(item);
  return out;
}

nlohmann::json Validator::convert_objects(const FieldSchema& field, const YAML::Node& value) {
  if (!expect_sequence(field, value)) return nullptr;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : value) {
    if (!item.IsMap()) {
      error(item, "wrong-type", "items of '" + field.name + "' must be mappings of fields");
      continue;
    }
    check_unknown(item, field.fields, "'" + field.name + "'");
    const Fields values(item);
    check_required(values, &item, field.fields, field.name);
    nlohmann::json object = nlohmann::json::object();
    for (const auto& sub : field.fields) {
      YAML::Node sub_value = values[sub.name];
      if (is_empty(sub_value)) continue;
      nlohmann::json converted = convert(sub, sub_value);
      if (!converted.is_null()) object[sub.name] = converted;
    }
    out.push_back(object);
  }
  return out;
}

void Validator::record(const FieldSchema& field, const nlohmann::json& value) {
  if (field.name == kTitleField) doc_->title = value.get<std::string>();
  if (field.name == kDateField) doc_->date = value.get<std::string>();
  if (field.name == kUpdatedField) doc_->updated = value.get<std::string>();
  if (field.name == kSummaryField) doc_->summary = value.get<std::string>();
  if (field.name == kDraftField) doc_->draft = value.get<bool>();
  if (field.type == FieldType::kListOfTerms) {
    FieldTerms terms{field.name, field.taxonomy, value.get<std::vector<std::string>>()};
    auto& all = doc_->terms[field.taxonomy];
    for (const auto& id : terms.ids) {
      if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
    }
    doc_->term_fields.push_back(std::move(terms));
  }
  if (field.type == FieldType::kReference) {
    doc_->reference_fields.push_back({field.name, field.target, {value.get<std::string>()}});
  }
  if (field.type == FieldType::kListOfReferences) {
    doc_->reference_fields.push_back(
        {field.name, field.target, value.get<std::vector<std::string>>()});
  }
}

}  // namespace

bool parse_iso_date(const std::string& text, std::string* day) {
  if (text.size() < 10 || !all_digits(text, 0, 4) || text[4] != '-' || !all_digits(text, 5, 2) ||
      text[7] != '-' || !all_digits(text, 8, 2)) {
    return false;
  }
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int d = std::stoi(text.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return false;
  int days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (d < 1 || d > days) return false;
  if (text.size() > 10 && !is_time_of_day(text.substr(10))) return false;
  // The day as written: a time zone does not move the date a reader sees.
  *day = text.substr(0, 10);
  return true;
}

bool is_valid_url(const std::string& text) {
  // The same characters are refused in every URL, mailto: included: a
  // quote or '<' would break out of an href, a control or a space has no
  // place in an address.
  for (char c : text) {
    if (c == ' ' || c == '<' || c == '>' || c == '"' || static_cast<unsigned char>(c) < 0x20 ||
        c == 0x7F) {
      return false;
    }
  }
  if (text.starts_with("mailto:")) return text.size() > 7 && text.find('@') != std::string::npos;
  size_t scheme_end = text.starts_with("https://") ? 8 : text.starts_with("http://") ? 7 : 0;
  if (scheme_end == 0) return false;
  size_t host_end = text.find_first_of("/?#", scheme_end);
  std::string host = text.substr(scheme_end, host_end - scheme_end);
  return !host.empty();
}

void validate_front_matter(const FrontMatter& front_matter, const ContentType& type,
                           const ValidationContext& context, Document* doc, Diagnostics* diags) {
  Validator(front_matter, context, doc, diags).run(type);
}

}  // namespace agora
