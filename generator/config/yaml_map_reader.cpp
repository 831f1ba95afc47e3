#include "config/yaml_map_reader.h"

#include <algorithm>

#include "util/suggest.h"

namespace agora {

// A missing node (yaml-cpp's "zombie") has no position; callers get 0.
int yaml_line(const YAML::Node& node, int line_offset) {
  if (!node) return 0;
  return node.Mark().line < 0 ? 0 : node.Mark().line + 1 + line_offset;
}

int yaml_column(const YAML::Node& node) {
  if (!node) return 0;
  return node.Mark().column < 0 ? 0 : node.Mark().column + 1;
}

YamlMapReader::YamlMapReader(const YAML::Node& node, const std::string& file, std::string what,
                             Diagnostics* diags)
    : node_(node), file_(file), what_(std::move(what)), diags_(diags), ok_(node.IsMap()) {
  if (!ok_) error(node, "expected-mapping", what_ + " must be a mapping of keys to values");
}

void YamlMapReader::error(const YAML::Node& at, const std::string& code, const std::string& message,
                          const std::string& hint) {
  diags_->error(file_, yaml_line(at), yaml_column(at), code, message, hint);
}

void YamlMapReader::check_keys(const std::vector<std::string>& allowed) {
  if (!ok_) return;
  for (const auto& kv : node_) {
    std::string key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    error(kv.first, "unknown-key", "unknown key '" + key + "' in " + what_,
          did_you_mean(key, allowed));
  }
}

template <typename T>
bool YamlMapReader::get_scalar(const char* key, T* out, const char* expected) {
  YAML::Node value = node(key);
  if (!value) return false;
  if (value.IsScalar()) {
    try {
      *out = value.as<T>();
      return true;
    } catch (const YAML::Exception&) {
    }
  }
  error(value, "wrong-type", "'" + std::string(key) + "' in " + what_ + " must be " + expected);
  return false;
}

bool YamlMapReader::get(const char* key, std::string* out, bool required) {
  if (ok_ && required && !node_[key]) {
    error(node_, "missing-key", what_ + " needs '" + std::string(key) + "'");
    return false;
  }
  return get_scalar(key, out, "a string");
}

bool YamlMapReader::get(const char* key, bool* out) {
  return get_scalar(key, out, "true or false");
}

bool YamlMapReader::get(const char* key, int* out) {
  return get_scalar(key, out, "a whole number");
}

bool YamlMapReader::get(const char* key, long long* out) {
  return get_scalar(key, out, "a whole number");
}

bool YamlMapReader::get(const char* key, double* out) { return get_scalar(key, out, "a number"); }

bool YamlMapReader::get(const char* key, std::vector<std::string>* out) {
  YAML::Node value = node(key);
  if (!value) return false;
  if (!value.IsSequence()) {
    error(value, "wrong-type", "'" + std::string(key) + "' in " + what_ + " must be a list");
    return false;
  }
  out->clear();
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      error(item, "wrong-type", "items of '" + std::string(key) + "' must be strings");
      return false;
    }
    out->push_back(item.Scalar());
  }
  return true;
}

}  // namespace agora
