#include "output/front_matter_store.h"

#include <utility>

#include "output/sha256.h"

namespace agora {
namespace {

constexpr std::string_view kHeader = "agora-front-matter-cache 1\n";

}  // namespace

FrontMatterStore::FrontMatterStore(FileSystem& fs, std::string path, std::string program)
    : program_(std::move(program)),
      entries_(fs, std::move(path), std::string(kHeader), EntryStore::Layout::kOneFile) {}

std::string FrontMatterStore::id(std::string_view yaml, const YamlLimits& limits) const {
  if (program_.empty()) return "";
  std::string text = program_;
  text.push_back('\0');
  text += std::to_string(limits.depth) + "," + std::to_string(limits.nodes);
  text.push_back('\0');
  text.append(yaml);
  return sha256_hex(text);
}

bool FrontMatterStore::find(const std::string& id, YAML::Node* tree) const {
  return entries_.find(id, [&](std::string_view bytes) { return decode_yaml_tree(bytes, tree); });
}

void FrontMatterStore::store(const std::string& id, const YAML::Node& tree) {
  entries_.store(id, encode_yaml_tree(tree));
}

void FrontMatterStore::release() { entries_.release(); }

bool FrontMatterStore::save(std::string* err) { return program_.empty() || entries_.save(err); }

}  // namespace agora
