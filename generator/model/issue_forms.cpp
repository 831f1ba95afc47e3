#include "model/issue_forms.h"

#include <nlohmann/json.hpp>

namespace agora {

namespace {

// A YAML double-quoted scalar: JSON's string syntax is a subset of it.
std::string yaml_quoted(const std::string& text) { return nlohmann::json(text).dump(); }

const Vocabulary* file_vocabulary(const Site& site, const FieldSchema& field) {
  const Taxonomy* taxonomy = site.config.taxonomy(field.taxonomy);
  if (!taxonomy || taxonomy->kind != VocabularyKind::kFile) return nullptr;
  auto it = site.vocabularies.find(field.taxonomy);
  return it == site.vocabularies.end() ? nullptr : &it->second;
}

const char* widget_type(FormWidget widget) {
  switch (widget) {
    case FormWidget::kInput:
      return "input";
    case FormWidget::kTextarea:
      return "textarea";
    case FormWidget::kDropdown:
    case FormWidget::kMultiDropdown:
      return "dropdown";
    case FormWidget::kCheckbox:
      return "checkboxes";
  }
  return "input";
}

void write_element(const std::string& type, const std::string& id, const std::string& label,
                   const std::string& description, bool required, std::string* out,
                   const std::string& extra = "") {
  *out += "  - type: " + type + "\n";
  *out += "    id: " + id + "\n";
  *out += "    attributes:\n";
  *out += "      label: " + yaml_quoted(label) + "\n";
  if (!description.empty()) *out += "      description: " + yaml_quoted(description) + "\n";
  *out += extra;
  if (required) *out += "    validations:\n      required: true\n";
}

void write_field(const Site& site, const FieldSchema& field, std::string* out) {
  FormWidget widget = form_widget(site, field);
  std::string extra;
  switch (widget) {
    case FormWidget::kMultiDropdown:
      extra += "      multiple: true\n";
      [[fallthrough]];
    case FormWidget::kDropdown:
      extra += "      options:\n";
      for (const auto& option : form_options(site, field))
        extra += "        - " + yaml_quoted(option) + "\n";
      break;
    case FormWidget::kCheckbox:
      extra += "      options:\n        - label: " + yaml_quoted(field.label) + "\n";
      break;
    default:
      break;
  }
  bool required = field.required && widget != FormWidget::kCheckbox;
  write_element(widget_type(widget), field.name, field.label, field.description, required, out,
                extra);
}

}  // namespace

FormWidget form_widget(const Site& site, const FieldSchema& field) {
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kList:
    case FieldType::kListOfReferences:
    case FieldType::kListOfObjects:
      return FormWidget::kTextarea;
    case FieldType::kEnum:
      return FormWidget::kDropdown;
    case FieldType::kBoolean:
      return FormWidget::kCheckbox;
    case FieldType::kListOfTerms:
      return file_vocabulary(site, field) ? FormWidget::kMultiDropdown : FormWidget::kTextarea;
    default:
      return FormWidget::kInput;
  }
}

std::vector<std::string> form_options(const Site& site, const FieldSchema& field) {
  FormWidget widget = form_widget(site, field);
  if (widget == FormWidget::kDropdown) return field.values;
  std::vector<std::string> options;
  if (widget != FormWidget::kMultiDropdown) return options;
  for (const auto& term : file_vocabulary(site, field)->terms()) options.push_back(term.name);
  return options;
}

std::string issue_form_yaml(const Site& site, const IssueFormConfig& form) {
  std::string out = "# Generated from site.yaml by `agora forms`; edit site.yaml, not this file.\n";
  out += "name: " + yaml_quoted(form.name) + "\n";
  out += "description: " + yaml_quoted(form.description) + "\n";
  if (!form.title.empty()) out += "title: " + yaml_quoted(form.title) + "\n";
  if (!form.labels.empty()) {
    out += "labels:\n";
    for (const auto& label : form.labels) out += "  - " + yaml_quoted(label) + "\n";
  }
  out += "body:\n";
  if (!form.intro.empty()) {
    out += "  - type: markdown\n    attributes:\n      value: " + yaml_quoted(form.intro) + "\n";
  }
  const ContentType* type = site.config.type(form.type);
  for (const auto& name : form.fields) {
    const FieldSchema* field = type ? type->field(name) : nullptr;
    if (field) write_field(site, *field, &out);
  }
  if (!form.body_label.empty()) {
    write_element("textarea", kFormBodyId, form.body_label, form.body_description, false, &out);
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string new_issue_url(const SiteConfig& config, const IssueFormConfig& form,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  if (config.repository_url.empty()) return "";
  std::string url = config.repository_url + "/issues/new?template=" + percent_encode(form.file);
  if (!form.title.empty()) url += "&title=" + percent_encode(form.title);
  for (const auto& [name, value] : values) {
    url += "&" + percent_encode(name) + "=" + percent_encode(value);
  }
  return url;
}

}  // namespace agora
