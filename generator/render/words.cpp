#include "render/words.h"

#include <yaml-cpp/yaml.h>

#include "config/yaml_load.h"
#include "config/yaml_map_reader.h"
#include "util/text.h"

namespace agora {

namespace {

std::string primary_subtag(const std::string& language) {
  return ascii_lower(language.substr(0, language.find_first_of("-_")));
}

bool in(long long n, long long low, long long high) { return n >= low && n <= high; }

std::optional<nlohmann::json> to_json(const YAML::Node& node, const std::string& file,
                                      Diagnostics* diags) {
  if (node.IsScalar()) return nlohmann::json(node.Scalar());
  if (node.IsSequence()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : node) {
      auto value = to_json(item, file, diags);
      if (!value) return std::nullopt;
      list.push_back(std::move(*value));
    }
    return list;
  }
  if (node.IsMap()) {
    nlohmann::json map = nlohmann::json::object();
    for (const auto& kv : node) {
      auto value = to_json(kv.second, file, diags);
      if (!value) return std::nullopt;
      map[kv.first.Scalar()] = std::move(*value);
    }
    return map;
  }
  diags->error(file, yaml_line(node), yaml_column(node), "bad-word",
               "a word must be text, a list or a mapping", "write it as key: text");
  return std::nullopt;
}

}  // namespace

// CLDR 42 cardinal rules for integers (v = 0, e = 0).
std::string plural_category(const std::string& language, long long n) {
  const std::string lang = primary_subtag(language);
  const long long i = n < 0 ? -n : n;
  if (lang == "zh" || lang == "ja" || lang == "ko" || lang == "th" || lang == "vi" ||
      lang == "id" || lang == "ms") {
    return "other";
  }
  if (lang == "ar") {
    if (i == 0) return "zero";
    if (i == 1) return "one";
    if (i == 2) return "two";
    if (in(i % 100, 3, 10)) return "few";
    if (in(i % 100, 11, 99)) return "many";
    return "other";
  }
  if (lang == "ru" || lang == "uk" || lang == "be") {
    if (i % 10 == 1 && i % 100 != 11) return "one";
    if (in(i % 10, 2, 4) && !in(i % 100, 12, 14)) return "few";
    return "many";
  }
  const bool millions = i != 0 && i % 1000000 == 0;
  if (lang == "fr") {
    if (i == 0 || i == 1) return "one";
    return millions ? "many" : "other";
  }
  if (lang == "es" || lang == "it" || lang == "pt") {
    if (i == 1) return "one";
    return millions ? "many" : "other";
  }
  return i == 1 ? "one" : "other";
}

const nlohmann::json& Words::group(const std::string& key) const {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  auto it = words_.find(key);
  return it != words_.end() && it->is_object() ? *it : kEmpty;
}

std::string Words::format(const std::string& key,
                          const std::map<std::string, std::string>& args) const {
  auto it = words_.find(key);
  if (it == words_.end() || !it->is_string()) return "";
  const std::string& text = it->get_ref<const std::string&>();
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    if (close != std::string::npos) {
      auto arg = args.find(text.substr(i + 1, close - i - 1));
      if (arg != args.end()) {
        out += arg->second;
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::string Words::number(long long n) const {
  const auto magnitude = static_cast<unsigned long long>(n);
  std::string digits = std::to_string(n < 0 ? 0ULL - magnitude : magnitude);
  auto group = words_.find("number_group");
  auto min = words_.find("number_min_grouping");
  size_t min_grouping = min != words_.end() && min->is_number_unsigned() ? min->get<size_t>() : 1;
  std::string out = n < 0 ? "-" : "";
  if (group == words_.end() || !group->is_string() || digits.size() < 3 + min_grouping) {
    return out + digits;
  }
  const std::string& separator = group->get_ref<const std::string&>();
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string Words::plural(const std::string& key, long long n,
                          const std::map<std::string, std::string>& args) const {
  auto it = words_.find(key);
  if (it == words_.end()) return "";
  std::map<std::string, std::string> all = args;
  all["count"] = number(n);
  if (it->is_string()) return format(key, all);
  if (!it->is_object()) return "";
  std::string category = plural_category(language_, n);
  auto form = it->find(category);
  if (form == it->end() || !form->is_string()) form = it->find("other");
  if (form == it->end() || !form->is_string()) return "";
  Words one(language_, nlohmann::json{{"message", *form}});
  return one.format("message", all);
}

std::string Words::date(const std::string& iso_day) const {
  auto months = words_.find("months");
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (iso_day[i] < '0' || iso_day[i] > '9') return false;
    }
    return true;
  };
  if (iso_day.size() < 10 || !digits(0, 4) || iso_day[4] != '-' || !digits(5, 2) ||
      iso_day[7] != '-' || !digits(8, 2) || months == words_.end() || !months->is_array() ||
      months->size() != 12) {
    return iso_day;
  }
  int month = std::stoi(iso_day.substr(5, 2));
  int day = std::stoi(iso_day.substr(8, 2));
  if (month < 1 || month > 12) return iso_day;
  const auto& name = (*months)[static_cast<size_t>(month - 1)];
  return format("date_format", {{"day", std::to_string(day)},
                                {"month", name.is_string() ? name.get<std::string>() : ""},
                                {"month_number", std::to_string(month)},
                                {"year", iso_day.substr(0, 4)}});
}

std::string Words::list(const std::vector<std::string>& items) const {
  std::string out;
  for (size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? format("list_and") : format("list_comma");
    out += items[k];
  }
  return out;
}

std::optional<nlohmann::json> parse_words(const std::string& text, const std::string& file,
                                          Diagnostics* diags) {
  YAML::Node node;
  if (!load_yaml(text, file, 0, "words", &node, diags)) return std::nullopt;
  if (!node.IsMap()) {
    diags->error(file, 1, 1, "bad-words", "a language file must be a mapping of keys to words",
                 "write one key: text per line");
    return std::nullopt;
  }
  return to_json(node, file, diags);
}

void check_generator_words(const nlohmann::json& words, const std::string& file, Diagnostics* diags,
                           bool support) {
  auto check = [&](const char* key) {
    if (words.contains(key)) return;
    diags->error(file, 0, 0, "missing-word",
                 std::string("the theme's words lack '") + key + "', which the generator uses",
                 "add it; docs/THEMES.md lists every word the generator asks for");
  };
  for (const char* key : kGeneratorWords) check(key);
  if (support) {
    for (const char* key : kSupportWords) check(key);
  }
}

}  // namespace agora
