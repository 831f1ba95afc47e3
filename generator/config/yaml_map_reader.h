#pragma once
// Typed, position-aware reading of one YAML mapping, for configuration files
// where every key is known: unknown keys and wrong types become diagnostics
// that name file:line:col.

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace agora {

// 1-based line and column of a node, shifted by line_offset.
int yaml_line(const YAML::Node& node, int line_offset = 0);
int yaml_column(const YAML::Node& node);

class YamlMapReader {
 public:
  // `what` names the mapping in messages ("site.yaml", "type 'roundtables'").
  YamlMapReader(const YAML::Node& node, const std::string& file, std::string what,
                Diagnostics* diags);

  bool is_map() const { return ok_; }
  // Reports every key that is not in `allowed`, suggesting the nearest one.
  void check_keys(const std::vector<std::string>& allowed);

  // Each getter leaves *out unchanged when the key is absent, reports an error
  // when it is present with the wrong type (or absent and required), and
  // returns whether *out holds a value from the file.
  bool get(const char* key, std::string* out, bool required = false);
  bool get(const char* key, bool* out);
  bool get(const char* key, int* out);
  bool get(const char* key, long long* out);
  bool get(const char* key, double* out);
  bool get(const char* key, std::vector<std::string>* out);

  YAML::Node node(const char* key) const { return ok_ ? node_[key] : YAML::Node(); }
  const YAML::Node& self() const { return node_; }
  void error(const YAML::Node& at, const std::string& code, const std::string& message,
             const std::string& hint = {});

 private:
  template <typename T>
  bool get_scalar(const char* key, T* out, const char* expected);

  YAML::Node node_;
  const std::string& file_;
  std::string what_;
  Diagnostics* diags_;
  bool ok_;
};

}  // namespace agora
