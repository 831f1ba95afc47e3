#pragma once
// Parsed front matter kept between builds. yaml-cpp takes about 140 us to
// parse one document's 1 KB of front matter, 1.4 s of CPU at 10,000
// documents, in every build; building the same tree back from bytes takes
// about a quarter of that. The stage that owns files and hashes implements
// the store (output/front_matter_store.h); this stage says what a tree is
// written as.
//
// A tree built back has no marks (positions). Its values, tags, styles and
// key order are those the parse made, duplicate keys included, so checks
// that pass on the parse pass on it; a build that reports anything about a
// document loads again with every tree parsed (see load_site), so that
// each diagnostic names its line and column.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "config/yaml_load.h"

namespace agora {

class FrontMatterCache {
 public:
  virtual ~FrontMatterCache() = default;
  // The name the cache knows the tree of `yaml`, parsed under `limits`, by;
  // "" when the cache keeps nothing.
  virtual std::string id(std::string_view yaml, const YamlLimits& limits) const = 0;
  // The tree `id` names, built back, when kept. Thread-safe.
  virtual bool find(const std::string& id, YAML::Node* tree) const = 0;
  // Keeps the tree parsed from what `id` names. Thread-safe.
  virtual void store(const std::string& id, const YAML::Node& tree) = 0;
};

// A parsed tree as bytes, and back; decode_yaml_tree returns false for
// bytes encode_yaml_tree did not make.
std::string encode_yaml_tree(const YAML::Node& tree);
bool decode_yaml_tree(std::string_view bytes, YAML::Node* tree);

}  // namespace agora
