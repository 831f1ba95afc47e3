#include "config/clearing_house_parser.h"

#include <algorithm>

#include "config/yaml_map_reader.h"
#include "util/suggest.h"

namespace agora {

namespace {

std::vector<std::string> field_names(const ContentType& type) {
  std::vector<std::string> names;
  for (const auto& f : type.fields) names.push_back(f.name);
  return names;
}

std::vector<std::string> type_names(const SiteConfig& config) {
  std::vector<std::string> names;
  for (const auto& t : config.types) names.push_back(t.name);
  return names;
}

nlohmann::json yaml_to_json(const YAML::Node& node) {
  if (node.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(yaml_to_json(item));
    return out;
  }
  if (node.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& kv : node) out[kv.first.Scalar()] = yaml_to_json(kv.second);
    return out;
  }
  return node.IsScalar() ? nlohmann::json(node.Scalar()) : nlohmann::json();
}

// Looks names up in the configuration and reports what does not fit, each at
// the node that names it.
class RoleChecker {
 public:
  RoleChecker(const std::string& file, const SiteConfig& config, Diagnostics* diags)
      : file_(file), config_(config), diags_(diags) {}

  const ContentType* type(const YAML::Node& at, const std::string& name) {
    const ContentType* type = config_.type(name);
    if (!type) {
      error(at, "unknown-type", "clearing_house names unknown type '" + name + "'",
            did_you_mean(name, type_names(config_)));
    }
    return type;
  }

  // The field `name` of `type`, when it exists and has one of `kinds`.
  const FieldSchema* field(const YAML::Node& at, const ContentType* type, const std::string& name,
                           std::initializer_list<FieldType> kinds) {
    if (!type || name.empty()) return nullptr;
    return field_in(at, type->fields, "type '" + type->name + "'", name, kinds);
  }

  const FieldSchema* field_in(const YAML::Node& at, const std::vector<FieldSchema>& fields,
                              const std::string& where, const std::string& name,
                              std::initializer_list<FieldType> kinds) {
    const FieldSchema* found = nullptr;
    std::vector<std::string> names;
    for (const auto& f : fields) {
      names.push_back(f.name);
      if (f.name == name) found = &f;
    }
    if (!found) {
      error(at, "unknown-field", "field '" + name + "' is not a field of " + where,
            did_you_mean(name, names));
      return nullptr;
    }
    if (std::find(kinds.begin(), kinds.end(), found->type) == kinds.end()) {
      std::string expected;
      for (FieldType kind : kinds) {
        expected += std::string(expected.empty() ? "" : " or ") + field_type_name(kind);
      }
      error(at, "wrong-field-type",
            "field '" + name + "' of " + where + " must be " + expected + ", not " +
                field_type_name(found->type));
      return nullptr;
    }
    return found;
  }

  void error(const YAML::Node& at, const std::string& code, const std::string& message,
             const std::string& hint = {}) {
    diags_->error(file_, yaml_line(at), yaml_column(at), code, message, hint);
  }

 private:
  const std::string& file_;
  const SiteConfig& config_;
  Diagnostics* diags_;
};

class ClearingHouseParser {
 public:
  ClearingHouseParser(const std::string& file, SiteConfig* config, Diagnostics* diags)
      : file_(file), config_(config), diags_(diags), check_(file, *config, diags) {}

  void parse(const YAML::Node& node);

 private:
  void parse_requests(const YAML::Node& node);
  void parse_offers(const YAML::Node& node);
  void parse_statuses(const YAML::Node& node);
  void parse_matching(const YAML::Node& node);
  void parse_criterion(const YAML::Node& node);
  void check_statuses(const YAML::Node& list, const std::vector<std::string>& values);
  void parse_directory(const YAML::Node& node);
  void check_directory_field(const YAML::Node& at, const std::string& name,
                             const std::vector<const ContentType*>& types);

  const std::string& file_;
  SiteConfig* config_;
  Diagnostics* diags_;
  RoleChecker check_;
  ClearingHouseConfig house_;
  const ContentType* requests_ = nullptr;
  const ContentType* offers_ = nullptr;
  const FieldSchema* status_ = nullptr;
};

void ClearingHouseParser::parse(const YAML::Node& node) {
  YamlMapReader reader(node, file_, "clearing_house", diags_);
  if (!reader.is_map()) return;
  reader.check_keys(
      {"requests", "offers", "statuses", "matching", "dashboard", "directory", "email"});
  for (const char* key : {"requests", "offers", "statuses"}) {
    if (!reader.node(key))
      reader.error(node, "missing-key", "clearing_house needs '" + std::string(key) + "'");
  }
  parse_requests(reader.node("requests"));
  parse_offers(reader.node("offers"));
  parse_statuses(reader.node("statuses"));
  parse_matching(reader.node("matching"));
  parse_directory(reader.node("directory"));
  if (reader.get("email", &house_.email)) {
    const std::string& email = house_.email;
    size_t at = email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == email.size() ||
        email.find_first_of(" \t\r\n<>\"?&") != std::string::npos) {
      reader.error(reader.node("email"), "invalid-value", "'" + email + "' is not an email address",
                   "write it as name@example.org");
    }
  }
  if (reader.get("dashboard", &house_.dashboard_fields)) {
    YAML::Node list = reader.node("dashboard");
    for (size_t i = 0; i < house_.dashboard_fields.size(); ++i) {
      check_.field(list[i], requests_, house_.dashboard_fields[i],
                   {FieldType::kEnum, FieldType::kListOfTerms});
    }
  }
  house_.enabled = true;
  config_->clearing_house = std::move(house_);
}

void ClearingHouseParser::parse_requests(const YAML::Node& node) {
  if (!node) return;
  YamlMapReader reader(node, file_, "clearing_house.requests", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"type", "status", "status_date", "timeline", "matches", "example"});
  if (reader.get("type", &house_.requests_type, true)) {
    requests_ = check_.type(reader.node("type"), house_.requests_type);
  }
  if (reader.get("status", &house_.status_field, true)) {
    status_ =
        check_.field(reader.node("status"), requests_, house_.status_field, {FieldType::kEnum});
  }
  if (reader.get("status_date", &house_.status_date)) {
    check_.field(reader.node("status_date"), requests_, house_.status_date, {FieldType::kDate});
  }
  if (reader.get("matches", &house_.matches_field)) {
    check_.field(reader.node("matches"), requests_, house_.matches_field,
                 {FieldType::kListOfReferences});
  }
  if (reader.get("example", &house_.example_field)) {
    check_.field(reader.node("example"), requests_, house_.example_field, {FieldType::kBoolean});
  }
  YAML::Node timeline_node = reader.node("timeline");
  if (!timeline_node) return;
  YamlMapReader timeline(timeline_node, file_, "clearing_house.requests.timeline", diags_);
  if (!timeline.is_map()) return;
  timeline.check_keys({"field", "date", "status", "reported"});
  timeline.get("field", &house_.timeline_field, true);
  timeline.get("date", &house_.timeline_date, true);
  timeline.get("status", &house_.timeline_status, true);
  timeline.get("reported", &house_.timeline_reported);
  const FieldSchema* list = check_.field(timeline.node("field"), requests_, house_.timeline_field,
                                         {FieldType::kListOfObjects});
  if (!list) return;
  std::string where = "the items of '" + list->name + "'";
  check_.field_in(timeline.node("date"), list->fields, where, house_.timeline_date,
                  {FieldType::kDate});
  if (!house_.timeline_reported.empty()) {
    check_.field_in(timeline.node("reported"), list->fields, where, house_.timeline_reported,
                    {FieldType::kBoolean});
  }
  const FieldSchema* item_status = check_.field_in(timeline.node("status"), list->fields, where,
                                                   house_.timeline_status, {FieldType::kEnum});
  if (item_status && status_ && item_status->values != status_->values) {
    check_.error(timeline.node("status"), "status-values",
                 "field '" + item_status->name + "' of " + where +
                     " must have the same values as field '" + status_->name + "'");
  }
}

void ClearingHouseParser::parse_offers(const YAML::Node& node) {
  if (!node) return;
  YamlMapReader reader(node, file_, "clearing_house.offers", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"type", "provider"});
  if (reader.get("type", &house_.offers_type, true)) {
    offers_ = check_.type(reader.node("type"), house_.offers_type);
  }
  if (reader.get("provider", &house_.provider_field, true)) {
    const FieldSchema* provider = check_.field(reader.node("provider"), offers_,
                                               house_.provider_field, {FieldType::kListOfTerms});
    const Taxonomy* taxonomy = provider ? config_->taxonomy(provider->taxonomy) : nullptr;
    if (taxonomy && taxonomy->kind != VocabularyKind::kDocuments) {
      check_.error(reader.node("provider"), "wrong-field-type",
                   "field '" + provider->name + "' must name documents (a taxonomy with " +
                       "'documents:'), but taxonomy '" + taxonomy->name + "' does not");
    }
  }
  const FieldSchema* matches = requests_ ? requests_->field(house_.matches_field) : nullptr;
  if (matches && matches->type == FieldType::kListOfReferences && offers_ &&
      matches->target != offers_->name) {
    check_.error(reader.node("type"), "wrong-target",
                 "field '" + matches->name + "' of type '" + requests_->name +
                     "' refers to type '" + matches->target + "', not to the offers type '" +
                     offers_->name + "'");
  }
}

void ClearingHouseParser::parse_statuses(const YAML::Node& node) {
  if (!node) return;
  YamlMapReader reader(node, file_, "clearing_house.statuses", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"open", "matched", "successful"});
  reader.get("open", &house_.open_statuses);
  reader.get("matched", &house_.matched_statuses);
  reader.get("successful", &house_.successful_statuses);
  if (!status_) return;
  for (const char* key : {"open", "matched", "successful"}) {
    check_statuses(reader.node(key), status_->values);
  }
}

void ClearingHouseParser::check_statuses(const YAML::Node& list,
                                         const std::vector<std::string>& values) {
  if (!list || !list.IsSequence()) return;
  for (const auto& item : list) {
    const std::string& value = item.Scalar();
    if (std::find(values.begin(), values.end(), value) != values.end()) continue;
    check_.error(item, "unknown-status",
                 "'" + value + "' is not a value of field '" + status_->name + "'",
                 did_you_mean(value, values));
  }
}

void ClearingHouseParser::parse_matching(const YAML::Node& node) {
  if (!node) return;
  YamlMapReader reader(node, file_, "clearing_house.matching", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"suggestions", "criteria"});
  if (reader.get("suggestions", &house_.suggestions) && house_.suggestions < 1) {
    reader.error(reader.node("suggestions"), "invalid-value", "suggestions must be at least 1");
  }
  YAML::Node criteria = reader.node("criteria");
  if (!criteria) return;
  if (!criteria.IsSequence()) {
    reader.error(criteria, "wrong-type", "'criteria' in clearing_house.matching must be a list");
    return;
  }
  for (const auto& item : criteria) parse_criterion(item);
}

void ClearingHouseParser::parse_criterion(const YAML::Node& node) {
  YamlMapReader reader(node, file_, "a matching criterion", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"name", "request", "offer", "weight", "required"});
  MatchCriterion criterion;
  criterion.line = yaml_line(node);
  reader.get("name", &criterion.name, true);
  reader.get("weight", &criterion.weight);
  reader.get("required", &criterion.required);
  if (criterion.weight < 1) {
    reader.error(reader.node("weight"), "invalid-value", "a criterion's weight must be at least 1");
  }
  for (const auto& c : house_.criteria) {
    if (c.name == criterion.name) {
      reader.error(reader.node("name"), "duplicate-criterion",
                   "criterion '" + criterion.name + "' is declared twice");
    }
  }
  auto fields = [&](const char* key, const ContentType* type, std::vector<std::string>* out) {
    if (!reader.get(key, out)) {
      if (!reader.node(key))
        reader.error(node, "missing-key", "a matching criterion needs '" + std::string(key) + "'");
      return;
    }
    YAML::Node list = reader.node(key);
    for (size_t i = 0; i < out->size(); ++i) {
      check_.field(list[i], type, (*out)[i], {FieldType::kListOfTerms});
    }
  };
  fields("request", requests_, &criterion.request_fields);
  fields("offer", offers_, &criterion.offer_fields);
  house_.criteria.push_back(std::move(criterion));
}

void ClearingHouseParser::parse_directory(const YAML::Node& node) {
  if (!node) return;
  YamlMapReader reader(node, file_, "clearing_house.directory", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"types", "services", "places", "countries", "regions"});
  SupportDirectory& directory = house_.directory;
  std::vector<const ContentType*> types{requests_};
  if (reader.get("types", &directory.types)) {
    YAML::Node list = reader.node("types");
    for (size_t i = 0; i < directory.types.size(); ++i) {
      types.push_back(check_.type(list[i], directory.types[i]));
    }
  }
  if (directory.types.empty()) {
    reader.error(node, "missing-key", "clearing_house.directory needs 'types'");
  }
  if (reader.get("services", &directory.services, true)) {
    check_directory_field(reader.node("services"), directory.services, types);
  }
  if (reader.get("places", &directory.places)) {
    YAML::Node list = reader.node("places");
    for (size_t i = 0; i < directory.places.size(); ++i) {
      check_directory_field(list[i], directory.places[i], types);
    }
  }
  for (const char* key : {"countries", "regions"}) {
    std::string* name = std::string(key) == "countries" ? &directory.countries : &directory.regions;
    if (!reader.get(key, name, true) || config_->taxonomy(*name)) continue;
    std::vector<std::string> names;
    for (const auto& t : config_->taxonomies) names.push_back(t.name);
    check_.error(reader.node(key), "unknown-taxonomy",
                 "clearing_house.directory names unknown taxonomy '" + *name + "'",
                 did_you_mean(*name, names));
  }
  directory.enabled = true;
}

// `name` must be a list-of-terms field of every type (requests included),
// of one taxonomy, so offers, desks and requests compare term by term.
void ClearingHouseParser::check_directory_field(const YAML::Node& at, const std::string& name,
                                                const std::vector<const ContentType*>& types) {
  std::string taxonomy;
  for (const ContentType* type : types) {
    const FieldSchema* field = check_.field(at, type, name, {FieldType::kListOfTerms});
    if (!field) continue;
    if (taxonomy.empty()) taxonomy = field->taxonomy;
    if (field->taxonomy == taxonomy) continue;
    check_.error(at, "wrong-taxonomy",
                 "field '" + name + "' of type '" + type->name + "' uses taxonomy '" +
                     field->taxonomy + "', not '" + taxonomy + "' as in the other types");
  }
}

// --- forms ---

// The field types a form can ask for: everything but lists of objects,
// which have no form widget.
bool askable(FieldType type) { return type != FieldType::kListOfObjects; }

// `key` is where the form is named, `node` its mapping.
void parse_form(const YAML::Node& key, const YAML::Node& node, const std::string& file,
                SiteConfig* config, Diagnostics* diags, RoleChecker* check) {
  const std::string& type_name = key.Scalar();
  std::string what = "form '" + type_name + "'";
  YamlMapReader reader(node, file, what, diags);
  if (!reader.is_map()) return;
  reader.check_keys(
      {"file", "name", "description", "title", "labels", "intro", "fields", "body", "set"});
  IssueFormConfig form;
  form.type = type_name;
  form.line = yaml_line(node);
  reader.get("file", &form.file, true);
  reader.get("name", &form.name, true);
  reader.get("description", &form.description, true);
  reader.get("title", &form.title);
  reader.get("labels", &form.labels);
  reader.get("intro", &form.intro);
  reader.get("fields", &form.fields);
  if (form.file.find('/') != std::string::npos || !form.file.ends_with(".yml")) {
    reader.error(reader.node("file"), "invalid-value",
                 "a form's file must be a plain file name ending in .yml");
  }
  if (YAML::Node body = reader.node("body")) {
    YamlMapReader body_reader(body, file, what + " body", diags);
    body_reader.check_keys({"label", "description"});
    body_reader.get("label", &form.body_label, true);
    body_reader.get("description", &form.body_description);
  }
  const ContentType* type = config->type(type_name);
  if (!type) {
    std::vector<std::string> names;
    for (const auto& t : config->types) names.push_back(t.name);
    check->error(key, "unknown-type", "forms names unknown type '" + type_name + "'",
                 did_you_mean(type_name, names));
    return;
  }
  YAML::Node fields = reader.node("fields");
  for (size_t i = 0; i < form.fields.size(); ++i) {
    const FieldSchema* field = type->field(form.fields[i]);
    if (!field) {
      check->error(fields[i], "unknown-field",
                   "field '" + form.fields[i] + "' is not a field of type '" + type_name + "'",
                   did_you_mean(form.fields[i], field_names(*type)));
    } else if (!askable(field->type)) {
      check->error(fields[i], "wrong-field-type",
                   "a form cannot ask for field '" + field->name + "' (a list-of-objects); " +
                       "give it a value under 'set' instead");
    }
  }
  if (YAML::Node set = reader.node("set")) {
    YamlMapReader set_reader(set, file, what + " set", diags);
    if (set_reader.is_map()) {
      set_reader.check_keys(field_names(*type));
      form.set = yaml_to_json(set);
    }
  }
  for (const auto& field : type->fields) {
    bool asked = std::find(form.fields.begin(), form.fields.end(), field.name) != form.fields.end();
    if (field.required && !asked && !form.set.contains(field.name)) {
      check->error(key, "unset-required-field",
                   what + " neither asks nor sets required field '" + field.name + "'",
                   "add it to 'fields', or give it a value under 'set'");
    }
  }
  config->forms.push_back(std::move(form));
}

}  // namespace

void parse_clearing_house(const YAML::Node& node, const std::string& file, SiteConfig* config,
                          Diagnostics* diags) {
  if (!node) return;
  ClearingHouseParser(file, config, diags).parse(node);
}

void parse_issue_forms(const YAML::Node& node, const std::string& file, SiteConfig* config,
                       Diagnostics* diags) {
  if (!node) return;
  YamlMapReader reader(node, file, "forms", diags);
  if (!reader.is_map()) return;
  RoleChecker check(file, *config, diags);
  for (const auto& kv : node) parse_form(kv.first, kv.second, file, config, diags, &check);
}

}  // namespace agora
