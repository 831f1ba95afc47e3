#include "model/issue_intake.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "model/issue_forms.h"
#include "util/suggest.h"

namespace agora {

namespace {

constexpr const char* kNoResponse = "_No response_";

std::string trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string yaml_quoted(const std::string& text) { return nlohmann::json(text).dump(); }

// Element ids and labels in form order.
std::vector<std::pair<std::string, std::string>> form_elements(const Site& site,
                                                               const IssueFormConfig& form) {
  std::vector<std::pair<std::string, std::string>> elements;
  const ContentType* type = site.config.type(form.type);
  for (const auto& name : form.fields) {
    if (const FieldSchema* field = type ? type->field(name) : nullptr) {
      elements.emplace_back(name, field->label);
    }
  }
  if (!form.body_label.empty()) elements.emplace_back(kFormBodyId, form.body_label);
  return elements;
}

class IssueConverter {
 public:
  IssueConverter(const Site& site, const IssueFormConfig& form, const std::string& today,
                 const std::string& file, Diagnostics* diags)
      : site_(site), form_(form), today_(today), file_(file), diags_(diags) {}

  bool run(const std::string& body, IssueDocument* out);

 private:
  std::string value_yaml(const FieldSchema& field, const IssueAnswer& answer);
  std::string terms_yaml(const FieldSchema& field, const IssueAnswer& answer);
  std::string set_yaml(const FieldSchema& field, const nlohmann::json& value);
  std::string set_scalar(const nlohmann::json& value);
  std::vector<std::string> list_items(const std::string& text);
  void warn(const IssueAnswer& answer, const FieldSchema& field, const std::string& value,
            const std::string& hint);

  const Site& site_;
  const IssueFormConfig& form_;
  const std::string& today_;
  const std::string& file_;
  Diagnostics* diags_;
};

bool IssueConverter::run(const std::string& body, IssueDocument* out) {
  *out = IssueDocument{};
  const ContentType* type = site_.config.type(form_.type);
  std::map<std::string, IssueAnswer> answers = parse_issue_body(site_, form_, body);
  std::string front;
  for (const auto& field : type->fields) {
    auto asked = std::find(form_.fields.begin(), form_.fields.end(), field.name);
    if (asked != form_.fields.end()) {
      auto it = answers.find(field.name);
      if (it == answers.end() || it->second.text.empty()) continue;
      std::string value = value_yaml(field, it->second);
      if (!value.empty()) front += field.name + ":" + value + "\n";
      if (field.name == "title") out->title = it->second.text;
    } else if (form_.set.contains(field.name)) {
      front += field.name + ":" + set_yaml(field, form_.set[field.name]) + "\n";
    }
  }
  if (out->title.empty()) {
    diags_->error(file_, 0, 0, "missing-title", "the issue gives no title",
                  "the form's title field must be filled in");
    return false;
  }
  std::string markdown;
  if (auto it = answers.find(kFormBodyId); it != answers.end()) markdown = it->second.text;
  out->text = "---\n" + front + "---\n" + (markdown.empty() ? "" : "\n" + markdown + "\n");
  return true;
}

std::string IssueConverter::value_yaml(const FieldSchema& field, const IssueAnswer& answer) {
  const std::string& text = answer.text;
  switch (field.type) {
    case FieldType::kBoolean:
      return text.starts_with("- [X]") || text.starts_with("- [x]") ? " true" : "";
    case FieldType::kString:
    case FieldType::kUrl:
    case FieldType::kDate:
    case FieldType::kReference: {
      // One line: an input has no line breaks, whatever a hand-made body says.
      std::string line;
      for (const auto& part : split_lines(text)) {
        std::string piece = trim(part);
        if (!piece.empty()) line += (line.empty() ? "" : " ") + piece;
      }
      return " " + yaml_quoted(line);
    }
    case FieldType::kEnum:
      if (std::find(field.values.begin(), field.values.end(), text) == field.values.end()) {
        warn(answer, field, text, did_you_mean(text, field.values));
      }
      return " " + yaml_quoted(text);
    case FieldType::kList:
    case FieldType::kListOfReferences: {
      std::string items;
      for (const auto& item : list_items(text)) items += "\n  - " + yaml_quoted(item);
      return items;
    }
    case FieldType::kListOfTerms:
      return terms_yaml(field, answer);
    default:
      return " " + yaml_quoted(text);
  }
}

// Term answers: dropdown choices joined by ", " or one term a line. A name
// may hold ", " itself ("Korea, Republic of"), so pieces are joined again
// while the joined text is a term.
std::string IssueConverter::terms_yaml(const FieldSchema& field, const IssueAnswer& answer) {
  const Vocabulary& vocabulary = site_.vocabularies.at(field.taxonomy);
  auto resolve = [&](const std::string& key) -> const Term* {
    if (const Term* term = vocabulary.find(key)) return term;
    std::string folded = fold_for_matching(key);
    for (const auto& term : vocabulary.terms()) {
      if (fold_for_matching(term.id) == folded || fold_for_matching(term.name) == folded) {
        return &term;
      }
    }
    return nullptr;
  };
  std::vector<std::string> ids;
  for (const auto& line : list_items(answer.text)) {
    std::vector<std::string> pieces;
    size_t start = 0;
    for (size_t comma; (comma = line.find(", ", start)) != std::string::npos; start = comma + 2) {
      pieces.push_back(line.substr(start, comma - start));
    }
    pieces.push_back(line.substr(start));
    if (resolve(line)) pieces = {line};
    for (size_t i = 0; i < pieces.size();) {
      size_t end = pieces.size();
      std::string joined;
      const Term* term = nullptr;
      // The longest run of pieces that names a term.
      for (; end > i; --end) {
        joined = pieces[i];
        for (size_t k = i + 1; k < end; ++k) joined += ", " + pieces[k];
        if ((term = resolve(trim(joined)))) break;
      }
      if (term) {
        if (std::find(ids.begin(), ids.end(), term->id) == ids.end()) ids.push_back(term->id);
        i = end;
        continue;
      }
      std::string unknown = trim(pieces[i]);
      if (!unknown.empty()) {
        warn(answer, field, unknown, vocabulary.suggest(unknown));
        ids.push_back(unknown);
      }
      ++i;
    }
  }
  if (ids.empty()) return "";
  std::string out = " [";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + yaml_quoted(ids[i]);
  return out + "]";
}

// One item a line; Markdown bullets dropped.
std::vector<std::string> IssueConverter::list_items(const std::string& text) {
  std::vector<std::string> items;
  for (const auto& raw : split_lines(text)) {
    std::string line = trim(raw);
    if (line.starts_with("- ") || line.starts_with("* ")) line = trim(line.substr(2));
    if (!line.empty() && line != kNoResponse) items.push_back(line);
  }
  return items;
}

std::string IssueConverter::set_scalar(const nlohmann::json& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  return text == "today" ? today_ : text;
}

std::string IssueConverter::set_yaml(const FieldSchema& field, const nlohmann::json& value) {
  if (field.type == FieldType::kBoolean) return " " + set_scalar(value);
  if (!value.is_array()) return " " + yaml_quoted(set_scalar(value));
  std::string out;
  for (const auto& item : value) {
    if (!item.is_object()) {
      out += "\n  - " + yaml_quoted(set_scalar(item));
      continue;
    }
    // Sub-fields in schema order, so the file reads like a hand-written one.
    std::string prefix = "\n  - ";
    for (const auto& sub : field.fields) {
      if (!item.contains(sub.name)) continue;
      out += prefix + sub.name + ": " + yaml_quoted(set_scalar(item[sub.name]));
      prefix = "\n    ";
    }
  }
  return out;
}

void IssueConverter::warn(const IssueAnswer& answer, const FieldSchema& field,
                          const std::string& value, const std::string& hint) {
  diags_->warning(
      file_, answer.line, 1, "unknown-answer",
      "'" + value + "' is not a known value of '" + field.name + "'; it is kept as written", hint);
}

}  // namespace

std::map<std::string, IssueAnswer> parse_issue_body(const Site& site, const IssueFormConfig& form,
                                                    const std::string& body) {
  std::vector<std::string> lines = split_lines(body);
  auto elements = form_elements(site, form);
  std::map<std::string, IssueAnswer> answers;
  size_t end = lines.size();  // the current element's answer ends above this line
  for (size_t e = elements.size(); e-- > 0;) {
    std::string heading = "### " + elements[e].second;
    size_t at = end;
    while (at-- > 0) {
      if (trim(lines[at]) == heading) break;
    }
    if (at == static_cast<size_t>(-1)) continue;  // not in the body: try the element before
    std::string text;
    for (size_t i = at + 1; i < end; ++i) text += lines[i] + "\n";
    text = trim(text);
    if (text == kNoResponse) text.clear();
    answers[elements[e].first] = {text, static_cast<int>(at) + 1};
    end = at;
  }
  return answers;
}

bool document_from_issue(const Site& site, const IssueFormConfig& form, const std::string& body,
                         const std::string& today, const std::string& file, IssueDocument* out,
                         Diagnostics* diags) {
  if (!site.config.type(form.type)) return false;
  return IssueConverter(site, form, today, file, diags).run(body, out);
}

}  // namespace agora
